import type { CDPSession, Page } from 'playwright-core';

/**
 * Runs the harness's own code in an isolated world of a page's main frame, over one CDP session.
 *
 * Why not Playwright's locators and `page.evaluate`: locators install Playwright's injected script
 * (about 330 KB) in every new document, and the corpus loads two documents per case, so most of the
 * run's CPU went into sending and compiling it; and `page.evaluate` runs in the page's own world,
 * where the hostile page has already run (a page's `<img name="querySelector">` replaces
 * `document.querySelector` there). An isolated world has pristine built-ins, sees the same DOM,
 * including the overlay's open shadow root, and is out of the page's reach.
 *
 * Functions are sent as source text, so they must be self-contained (no imports, no closures).
 */
const WORLD_NAME = 'folio-security-probe';
/** tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(...)`. */
const NAME_SHIM = 'var __name = function (target) { return target; };';

export class ProbeWorld {
  private contextId: number | undefined;
  private frameId: string | undefined;

  private constructor(private readonly cdp: CDPSession, private readonly prelude: string) {}

  /** `prelude`: script run first in each new world (to define helpers the functions share). */
  static async attach(page: Page, prelude = ''): Promise<ProbeWorld> {
    const cdp = await page.context().newCDPSession(page);
    return new ProbeWorld(cdp, prelude);
  }

  /** Forgets the world: call after each navigation (each document gets a world of its own). */
  reset(): void {
    this.contextId = undefined;
  }

  private async world(): Promise<number> {
    if (this.contextId !== undefined) return this.contextId;
    if (this.frameId === undefined) {
      const { frameTree } = (await this.cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      this.frameId = frameTree.frame.id;
    }
    const { executionContextId } = (await this.cdp.send('Page.createIsolatedWorld', { frameId: this.frameId, worldName: WORLD_NAME })) as { executionContextId: number };
    if (this.prelude) {
      await this.cdp.send('Runtime.evaluate', { expression: `${NAME_SHIM} ${this.prelude}`, contextId: executionContextId });
    }
    this.contextId = executionContextId;
    return executionContextId;
  }

  /** Calls `fn(arg)` in the world and returns its (JSON-serializable) result; awaits promises. */
  async run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    for (let attempt = 0; ; attempt += 1) {
      const executionContextId = await this.world();
      const reply = (await this.cdp.send('Runtime.callFunctionOn', {
        functionDeclaration: `function (arg) { ${NAME_SHIM} return (${fn.toString()})(arg); }`,
        executionContextId,
        arguments: [{ value: arg }],
        awaitPromise: true,
        returnByValue: true,
      }).catch((error: unknown) => ({ lost: String(error) }))) as { result?: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text?: string }; lost?: string };
      if (reply.lost !== undefined) {
        // The document changed under the world (a navigation the caller did not make): a new world, once.
        this.reset();
        if (attempt === 0 && /context|target/i.test(reply.lost)) continue;
        throw new Error(reply.lost);
      }
      if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text ?? 'exception');
      return reply.result?.value as R;
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}
