import { describe, expect, it } from 'vitest';
import { watchCloseRequest } from '@/entrypoints/reader-overlay.content/close-request';
import { describeLongPage, groupThousands } from '@/entrypoints/reader-overlay.content/ReadingLongPage';

/** A stand-in for the browser's CloseWatcher: `request()` is Esc reaching it as a close request. */
function fakeWatchers() {
  const made: Array<{ onclose: (() => void) | null; destroyed: boolean; request(): void; destroy(): void }> = [];
  class CloseWatcher {
    onclose: (() => void) | null = null;
    destroyed = false;
    constructor() {
      made.push(this);
    }
    destroy() {
      this.destroyed = true;
    }
    request() {
      if (!this.destroyed) this.onclose?.();
    }
  }
  return { global: { CloseWatcher }, made };
}

describe('watchCloseRequest (Esc the page cannot stop on window)', () => {
  it('closes the overlay on the browser close request, once', () => {
    const { global, made } = fakeWatchers();
    let closed = 0;
    watchCloseRequest(() => (closed += 1), global);
    expect(made).toHaveLength(1);
    made[0]!.request();
    expect(closed).toBe(1);
  });

  it('stop() destroys the watcher, so a later close request does nothing', () => {
    const { global, made } = fakeWatchers();
    let closed = 0;
    const watch = watchCloseRequest(() => (closed += 1), global);
    watch.stop();
    expect(made[0]!.destroyed).toBe(true);
    made[0]!.request();
    expect(closed).toBe(0);
  });

  it('is a no-op where the browser has no CloseWatcher, or refuses one', () => {
    expect(() => watchCloseRequest(() => undefined, {}).stop()).not.toThrow();
    const refusing = {
      CloseWatcher: class {
        constructor() {
          throw new DOMException('not fully active', 'InvalidStateError');
        }
      },
    };
    expect(() => watchCloseRequest(() => undefined, refusing).stop()).not.toThrow();
  });
});

describe('groupThousands', () => {
  it('groups like en-US without Intl', () => {
    expect(groupThousands(0)).toBe('0');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(50_000)).toBe('50,000');
    expect(groupThousands(1_234_567)).toBe('1,234,567');
  });
});

describe('describeLongPage', () => {
  it('names a big page by its elements, and a text-heavy one by its words', () => {
    expect(describeLongPage(50_123, 0)).toBe('50,123 elements');
    expect(describeLongPage(3_000, 600_000)).toBe('about 100,000 words');
  });
});
