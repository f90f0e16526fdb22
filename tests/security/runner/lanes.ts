/**
 * Work for lanes: items can be added while lanes run, and `close()` says no more will come, so that
 * lanes waiting for work finish.
 */
export class WorkQueue<T> {
  private readonly items: T[] = [];
  private readonly waiting: Array<(item: T | undefined) => void> = [];
  private closed = false;

  /** A queue of just these items (closed from the start). */
  static of<T>(items: readonly T[]): WorkQueue<T> {
    const queue = new WorkQueue<T>();
    queue.items.push(...items);
    queue.close();
    return queue;
  }

  push(item: T): void {
    const taker = this.waiting.shift();
    if (taker) taker(item);
    else this.items.push(item);
  }

  close(): void {
    this.closed = true;
    for (const taker of this.waiting.splice(0)) taker(undefined);
  }

  /** The next item, or undefined once the queue is closed and empty. */
  take(): Promise<T | undefined> {
    if (this.items.length > 0) return Promise.resolve(this.items.shift());
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** What a lane works in: a tab of its own. */
export interface Closable {
  close(): Promise<void>;
}


/**
 * Runs `work` on the queue's items over `count` lanes, each with a tab of its own, taking the next
 * item when it is free. When `work` answers `replace` (the item may have hung the tab), the tab is
 * closed and the lane goes on in a new one.
 */
export async function runLanes<T, Tab extends Closable>(
  count: number,
  queue: WorkQueue<T>,
  open: () => Promise<Tab>,
  work: (tab: Tab, item: T) => Promise<'keep' | 'replace'>,
): Promise<void> {
  await Promise.all(Array.from({ length: count }, async () => {
    let tab: Tab | undefined;
    for (let item = await queue.take(); item !== undefined; item = await queue.take()) {
      tab ??= await open();
      if ((await work(tab, item)) === 'replace') {
        const hung = tab;
        tab = undefined;
        await Promise.race([hung.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]).catch(() => undefined);
      }
    }
    await tab?.close().catch(() => undefined);
  }));
}
