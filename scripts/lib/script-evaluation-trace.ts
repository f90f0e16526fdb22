import type { CDPSession, Page } from '@playwright/test';

/**
 * How long each of Folio's content scripts took to evaluate in a page, from Chromium's own trace
 * (devtools.timeline: one EvaluateScript event per script run, its compile included), keyed by the
 * script's file name (reader.js, reader-overlay.js…). The heartbeat freeze monitor says how long the
 * page was blocked; this says which script did it, and what the page thread's longest task was made of.
 */
export interface ScriptTrace {
  stop(): Promise<{ evaluationMs: Record<string, number>; longestTask: LongestTask | null }>;
}

/**
 * The page thread's longest task from the click on, what took its time (the events inside it, by
 * name; nested ones overlap), and when it began, in ms after the task that evaluated reader.js.
 */
export interface LongestTask {
  ms: number;
  inside: string;
  atMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  args?: { data?: { url?: string } };
}

const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/**
 * The longest task on the thread that evaluated reader.js (the page's main thread, not the offscreen
 * document's), from the task that evaluated it (the click) on. Earlier tasks are left out: the trace
 * can hold the page's own loading (the 100,000-word fixture builds its article by script and lays it
 * out in one 150-230 ms task), which is not Folio's.
 */
function longestTaskOf(events: TraceEvent[]): LongestTask | null {
  const reader = events.find((event) => event.name === 'EvaluateScript' && (event.args?.data?.url ?? '').endsWith('/content-scripts/reader.js'));
  if (!reader) return null;
  const onThread = events.filter((event) => event.pid === reader.pid && event.tid === reader.tid && event.ph === 'X' && event.dur !== undefined);
  const clickTask = onThread.find((event) => TASK_EVENTS.has(event.name) && event.ts <= reader.ts && event.ts + event.dur! >= reader.ts + (reader.dur ?? 0));
  const from = clickTask?.ts ?? reader.ts;
  const tasks = onThread.filter((event) => TASK_EVENTS.has(event.name) && event.ts >= from);
  const longest = tasks.reduce<TraceEvent | null>((best, task) => (!best || task.dur! > best.dur! ? task : best), null);
  if (!longest) return null;
  const end = longest.ts + longest.dur!;
  const byName = new Map<string, number>();
  for (const event of onThread) {
    if (TASK_EVENTS.has(event.name) || event.ts < longest.ts || event.ts + event.dur! > end) continue;
    const file = event.args?.data?.url ? ` ${event.args.data.url.slice(event.args.data.url.lastIndexOf('/') + 1)}` : '';
    const key = `${event.name}${file}`;
    byName.set(key, (byName.get(key) ?? 0) + event.dur!);
  }
  const inside = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, us]) => `${name} ${Math.round(us / 1000)}`)
    .join(', ');
  return { ms: Math.round(longest.dur! / 1000), inside, atMs: Math.round((longest.ts - from) / 1000) };
}

export async function startScriptTrace(page: Page): Promise<ScriptTrace> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected' as never, ((payload: { value: TraceEvent[] }) => events.push(...payload.value)) as never);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' } as never);
  return {
    async stop() {
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete' as never, (() => resolve()) as never));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      const byScript: Record<string, number> = {};
      for (const event of events) {
        const url = event.args?.data?.url ?? '';
        if (event.name !== 'EvaluateScript' || event.ph !== 'X' || !url.includes('/content-scripts/')) continue;
        const file = url.slice(url.lastIndexOf('/') + 1);
        byScript[file] = Math.round((byScript[file] ?? 0) + (event.dur ?? 0) / 1000);
      }
      return { evaluationMs: byScript, longestTask: longestTaskOf(events) };
    },
  };
}
