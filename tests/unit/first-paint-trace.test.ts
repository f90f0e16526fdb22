import { describe, expect, it } from 'vitest';
import { tracedFirstPaint, type TraceEvent } from '../../scripts/lib/first-paint-trace';

const URL_ = 'chrome-extension://id/library.html';
const PAGE = { pid: 1, tid: 1 };
const COMPOSITOR = { pid: 1, tid: 2 };
const BROWSER = { pid: 9, tid: 9 };
const T0 = 1_000_000;
/** An event `ms` after navigation start, lasting `dur` ms (complete events), on the page's main thread unless said. */
const at = (name: string, ms: number, extra: Partial<TraceEvent> = {}, dur?: number): TraceEvent => ({
  name,
  cat: 'test',
  ph: dur === undefined ? 'I' : 'X',
  ts: T0 + ms * 1000,
  ...(dur === undefined ? {} : { dur: dur * 1000 }),
  ...PAGE,
  ...extra,
});

/** A library-like load: one script fetched while the browser's UI thread was busy, the rows drawn, painted, presented. */
function trace(): TraceEvent[] {
  return [
    { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, ...BROWSER, args: { name: 'CrBrowserMain' } },
    at('navigationStart', -5, { ph: 'R', args: { data: { documentLoaderURL: '' } } }),
    at('navigationStart', 0, { ph: 'R', args: { data: { documentLoaderURL: URL_ } } }),
    at('domInteractive', 1, { ph: 'R' }), // the initial empty document's, before the commit
    at('commitNavigationEnd', 30, { ph: 'R' }),
    at('ResourceSendRequest', 35, { args: { data: { url: 'chrome-extension://id/first.js', requestId: 'a' } } }),
    at('domInteractive', 40, { ph: 'R' }),
    at('ThreadControllerImpl::RunTask', 20, BROWSER, 30), // 20–50: 15 ms inside the fetch (35–75)
    at('ThreadControllerImpl::RunTask', 60, BROWSER, 10),
    at('ResourceFinish', 75, { args: { data: { requestId: 'a' } } }),
    at('EvaluateScript', 76, {}, 4),
    at('UpdateLayoutTree', 80, {}, 2),
    at('Layout', 82, {}, 10),
    at('PrePaint', 92, {}, 1),
    at('Paint', 93, {}, 5),
    at('Paint', 94, {}, 3), // a layer's paint inside the document's: counted once
    at('PaintTimingVisualizer::LayoutObjectPainted', 94),
    at('Commit', 98, { ph: 'X' }, 2),
    at('ThreadControllerImpl::RunTask', 104, {}, 20), // 104–124, clipped at presentation (120)
    at('DrawFrame', 110, COMPOSITOR),
    at('firstContentfulPaint', 120, { ph: 'R' }),
  ];
}

describe('the first paint taken apart from a Chromium trace', () => {
  it('gives each phase from navigation start, and the main-thread work by kind, nested events counted once', () => {
    expect(tracedFirstPaint(trace(), URL_)).toEqual({
      committed: 30,
      htmlParsed: 40,
      subresources: [{ file: 'first.js', requested: 35, arrived: 75 }],
      browserUiBusyWhileFetchingMs: 25,
      scriptMs: 4,
      styleMs: 2,
      layoutMs: 10,
      paintMs: 6,
      layerCommitMs: 2,
      contentPainted: 94,
      frameCommitted: 100,
      frameDrawn: 110,
      presented: 120,
      mainThreadBusyUntilPresentedMs: 16,
    });
  });

  it('is null when the trace holds no first paint of the page', () => {
    expect(tracedFirstPaint(trace().filter((event) => event.name !== 'firstContentfulPaint'), URL_)).toBeNull();
    expect(tracedFirstPaint(trace(), 'chrome-extension://id/other.html')).toBeNull();
  });
});
