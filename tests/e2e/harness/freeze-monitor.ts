import type { Page } from '@playwright/test';

/**
 * How long the page's main thread was blocked while Folio worked, seen from the page itself, three
 * ways: Long Tasks (tasks over 50 ms), Long Animation Frames (frames over 50 ms, which count work
 * from every world, the extension's isolated one included) and a heartbeat timer whose longest gap
 * between ticks is the longest freeze, whoever caused it.
 */
export interface FreezeReport {
  longestTaskMs: number;
  longestAnimationFrameMs: number;
  longestHeartbeatGapMs: number;
  longTasks: number;
}

const HEARTBEAT_MS = 5;

interface Monitor {
  tasks: number[];
  frames: number[];
  gaps: number[];
  stop(): void;
}

export async function startFreezeMonitor(page: Page): Promise<void> {
  await page.evaluate((interval) => {
    const monitor = { tasks: [] as number[], frames: [] as number[], gaps: [] as number[], stop: () => undefined as void };
    const observers: PerformanceObserver[] = [];
    for (const [type, into] of [['longtask', monitor.tasks], ['long-animation-frame', monitor.frames]] as const) {
      try {
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => into.push(entry.duration)));
        observer.observe({ type });
        observers.push(observer);
      } catch {
        // This browser does not report that entry type.
      }
    }
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      monitor.gaps.push(now - last - interval);
      last = now;
    }, interval);
    monitor.stop = () => {
      clearInterval(timer);
      observers.forEach((observer) => observer.disconnect());
    };
    (window as unknown as { __folioFreezeMonitor: typeof monitor }).__folioFreezeMonitor = monitor;
  }, HEARTBEAT_MS);
}

export async function stopFreezeMonitor(page: Page): Promise<FreezeReport> {
  return page.evaluate(() => {
    const monitor = (window as unknown as { __folioFreezeMonitor: Monitor }).__folioFreezeMonitor;
    monitor.stop();
    const longest = (values: number[]) => Math.round(Math.max(0, ...values));
    return {
      longestTaskMs: longest(monitor.tasks),
      longestAnimationFrameMs: longest(monitor.frames),
      longestHeartbeatGapMs: longest(monitor.gaps),
      longTasks: monitor.tasks.length,
    };
  });
}
