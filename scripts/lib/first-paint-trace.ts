import type { CDPSession, Page } from '@playwright/test';

/**
 * Where the time of a page's first paint goes, from Chromium's own trace of one navigation (CDP
 * Tracing: devtools.timeline, blink, loading, v8.execute, the frame pipeline): each phase counted from
 * navigation start, as the page's own performance timeline counts. Used by bench:library to take the
 * library's first page and the floor page apart phase by phase; a traced load is slower than an
 * untraced one, so these loads are kept apart from the measured runs.
 */
export interface TracedFirstPaint {
  /** The renderer has committed the navigation (the document exists, its HTML is arriving). */
  committed: number;
  /** The HTML is parsed (domInteractive). */
  htmlParsed: number;
  /** Each file the page asked for before its first paint was presented: when, and when it had arrived (NaN: not yet). */
  subresources: { file: string; requested: number; arrived: number }[];
  /** The browser's UI thread busy (ms of tasks) while the page waited for its first file: extension files are served from it. */
  browserUiBusyWhileFetchingMs: number;
  /** Main-thread work before the painted frame was handed to the compositor, in ms: scripts run (compile included), style, layout, paint (pre-paint included), the layer commit. */
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  paintMs: number;
  layerCommitMs: number;
  /** The main thread paints the first content (the start of that frame's paint). */
  contentPainted: number;
  /** The main thread has handed that frame to the compositor (its layer commit ends). */
  frameCommitted: number;
  /** The compositor has drawn it (its tiles rastered): the frame goes to the display compositor. */
  frameDrawn: number;
  /** That frame was presented (first contentful paint, the browser's presentation time). */
  presented: number;
  /** The page's main thread busy (ms of tasks) between frameCommitted and presented: what raster and drawing competed with. */
  mainThreadBusyUntilPresentedMs: number;
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; requestId?: string; documentLoaderURL?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink', 'blink.user_timing', 'loading', 'v8.execute', 'toplevel'];
const TASK = 'ThreadControllerImpl::RunTask';

/** Loads `url` in `page` while Chromium traces it, and returns the first paint's phases (null if the trace lacks the page's first paint). */
export async function traceFirstPaint(page: Page, url: string): Promise<TracedFirstPaint | null> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected' as never, ((payload: { value: TraceEvent[] }) => events.push(...payload.value)) as never);
  await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' } as never);
  await page.goto(url);
  // The first paint is reported once presented: wait for it (or a second) before stopping.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1_000);
        new PerformanceObserver(() => {
          clearTimeout(timer);
          resolve();
        }).observe({ type: 'paint', buffered: true });
      }),
  );
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete' as never, (() => resolve()) as never));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return tracedFirstPaint(events, url);
}

const end = (event: TraceEvent) => event.ts + (event.dur ?? 0);
const within = (from: number, to: number) => (event: TraceEvent) => event.ts >= from && end(event) <= to;

/**
 * Total time covered by the complete events named in `names`, in ms, each moment counted once (events
 * nested in their own kind, like a layer's Paint inside the document's, add nothing), clipped to [from, to].
 */
function totalMs(events: TraceEvent[], names: readonly string[], from = -Infinity, to = Infinity): number {
  let total = 0;
  let coveredUntil = from;
  for (const event of events.filter((e) => e.ph === 'X' && names.includes(e.name)).sort((a, b) => a.ts - b.ts)) {
    if (event.ts >= to) break;
    const until = Math.min(end(event), to);
    if (until <= coveredUntil) continue;
    total += until - Math.max(event.ts, coveredUntil);
    coveredUntil = until;
  }
  return total / 1000;
}

/** The first paint of the navigation to `url` in these trace events, taken apart (null if they lack it). */
export function tracedFirstPaint(events: TraceEvent[], url: string): TracedFirstPaint | null {
  const start = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url).at(-1);
  if (!start) return null;
  const main = events.filter((e) => e.pid === start.pid && e.tid === start.tid);
  const after = (name: string, from: number) => main.filter((e) => e.name === name && e.ts >= from).sort((a, b) => a.ts - b.ts)[0];
  const committed = after('commitNavigationEnd', start.ts);
  const presented = committed && after('firstContentfulPaint', committed.ts);
  const parsed = committed && after('domInteractive', committed.ts);
  if (!committed || !presented || !parsed) return null;
  // The frame that presented the first content: the first content painted, that frame's layer commit, its draw.
  const painted = after('PaintTimingVisualizer::LayoutObjectPainted', committed.ts) ?? presented;
  const layerCommit = after('Commit', painted.ts);
  const frameCommitted = layerCommit && layerCommit.ph === 'X' && end(layerCommit) <= presented.ts ? end(layerCommit) : presented.ts;
  const drawn = events.filter((e) => e.pid === start.pid && e.name === 'DrawFrame' && e.ts >= frameCommitted && e.ts <= presented.ts).sort((a, b) => a.ts - b.ts)[0];
  const beforeFrame = main.filter(within(committed.ts, frameCommitted));
  const ms = (ts: number) => Math.round(((ts - start.ts) / 1000) * 10) / 10;
  const round = (n: number) => Math.round(n * 10) / 10;

  const requests = main.filter((e) => e.name === 'ResourceSendRequest' && e.ts >= committed.ts && e.ts <= presented.ts && e.args?.data?.url !== url);
  const subresources = requests.map((request) => {
    const finish = main.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === request.args?.data?.requestId);
    return { file: (request.args?.data?.url ?? '?').replace(/^.*\//, ''), requested: ms(request.ts), arrived: finish ? ms(finish.ts) : NaN };
  });
  const browserUi = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrBrowserMain');
  const firstRequest = requests[0];
  const firstFinish = firstRequest && main.find((e) => e.name === 'ResourceFinish' && e.args?.data?.requestId === firstRequest.args?.data?.requestId);
  const browserTasks = browserUi ? events.filter((e) => e.pid === browserUi.pid && e.tid === browserUi.tid) : [];
  return {
    committed: ms(committed.ts),
    htmlParsed: ms(parsed.ts),
    subresources,
    browserUiBusyWhileFetchingMs: firstRequest && firstFinish ? round(totalMs(browserTasks, [TASK], firstRequest.ts, firstFinish.ts)) : NaN,
    scriptMs: round(totalMs(beforeFrame, ['EvaluateScript', 'v8.evaluateModule'])),
    styleMs: round(totalMs(beforeFrame, ['UpdateLayoutTree'])),
    layoutMs: round(totalMs(beforeFrame, ['Layout'])),
    paintMs: round(totalMs(beforeFrame, ['PrePaint', 'Paint'])),
    layerCommitMs: round(totalMs(beforeFrame, ['Commit'])),
    contentPainted: ms(painted.ts),
    frameCommitted: ms(frameCommitted),
    frameDrawn: drawn ? ms(drawn.ts) : NaN,
    presented: ms(presented.ts),
    mainThreadBusyUntilPresentedMs: round(totalMs(main, [TASK], frameCommitted, presented.ts)),
  };
}
