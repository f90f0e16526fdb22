import type { CDPSession, Page } from '@playwright/test';

/**
 * How long each of Folio's content scripts took to evaluate in a page, from Chromium's own trace
 * (devtools.timeline: one EvaluateScript event per script run, its compile included), keyed by the
 * script's file name (reader.js, reader-overlay.js…). The heartbeat freeze monitor says how long the
 * page was blocked; this says which script did it.
 */
export interface ScriptTrace {
  stop(): Promise<Record<string, number>>;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string } };
}

export async function startScriptTrace(page: Page): Promise<ScriptTrace> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected' as never, ((payload: { value: TraceEvent[] }) => events.push(...payload.value)) as never);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' } as never);
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
      return byScript;
    },
  };
}
