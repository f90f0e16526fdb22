import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOffscreenHost, type OffscreenApi } from '@/lib/extract-service/offscreen-host';

/** An offscreen API that behaves like Chrome's: one document at most; creating a second throws. */
function fakeOffscreen() {
  let open = false;
  const calls: string[] = [];
  const api: OffscreenApi = {
    exists: vi.fn(async () => open),
    create: vi.fn(async () => {
      calls.push('create');
      await Promise.resolve();
      if (open) throw new Error('Only a single offscreen document may be created.');
      open = true;
    }),
    close: vi.fn(async () => {
      calls.push('close');
      open = false;
    }),
  };
  return { api, calls, isOpen: () => open, openAlready: () => (open = true) };
}

describe('the offscreen document host', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('creates the document once for jobs that arrive together, and runs each with it open', async () => {
    const chrome = fakeOffscreen();
    const host = createOffscreenHost(chrome.api, { idleMs: 1000 });
    const seen = await Promise.all([1, 2, 3].map((n) => host.run(async () => (chrome.isOpen() ? n : -n))));
    expect(seen).toEqual([1, 2, 3]);
    expect(chrome.calls).toEqual(['create']);
  });

  it('uses a document left open by an earlier service worker instead of creating another', async () => {
    const chrome = fakeOffscreen();
    chrome.openAlready();
    await createOffscreenHost(chrome.api).run(async () => 'done');
    expect(chrome.api.create).not.toHaveBeenCalled();
  });

  it('closes the document once it has been idle, never while a job runs, and opens it again for the next', async () => {
    const chrome = fakeOffscreen();
    const host = createOffscreenHost(chrome.api, { idleMs: 1000 });
    let finish: () => void = () => undefined;
    const long = host.run(() => new Promise<void>((resolve) => (finish = resolve)));
    await host.run(async () => 'quick');
    await vi.advanceTimersByTimeAsync(5000);
    expect(chrome.isOpen()).toBe(true);
    finish();
    await long;
    await vi.advanceTimersByTimeAsync(999);
    expect(chrome.isOpen()).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(chrome.isOpen()).toBe(false);
    await host.run(async () => 'again');
    expect(chrome.calls).toEqual(['create', 'close', 'create']);
  });

  it('passes a failed creation to its job, and tries again for the next job', async () => {
    const chrome = fakeOffscreen();
    vi.mocked(chrome.api.create).mockRejectedValueOnce(new Error('offscreen refused'));
    const host = createOffscreenHost(chrome.api);
    await expect(host.run(async () => 'never')).rejects.toThrow('offscreen refused');
    await expect(host.run(async () => 'second')).resolves.toBe('second');
  });

  it('passes a job’s own failure on and still closes when idle', async () => {
    const chrome = fakeOffscreen();
    const host = createOffscreenHost(chrome.api, { idleMs: 10 });
    await expect(host.run(async () => Promise.reject(new Error('no answer')))).rejects.toThrow('no answer');
    await vi.advanceTimersByTimeAsync(10);
    expect(chrome.isOpen()).toBe(false);
  });
});
