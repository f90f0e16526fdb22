import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ACCESS_REFUSED, isAutomatic, loadDetectionMode, turnOffDetection, turnOnDetection } from '@/lib/permissions/detection-mode';
import { loadBehaviourPrefs, saveBehaviourPrefs } from '@/lib/storage/prefs';

/** The fake browser has no permissions API: give it one that holds `<all_urls>` or not. */
function fakePermissions(answer: boolean) {
  let granted = false;
  const request = vi.fn(async () => {
    granted = granted || answer;
    return granted;
  });
  Object.assign(fakeBrowser.permissions, { request, contains: vi.fn(async () => granted) });
  return request;
}

describe('click-only mode or automatic detection', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a fresh install is in click-only mode: detection is wanted by default but not allowed yet', async () => {
    fakePermissions(true);
    const mode = await loadDetectionMode();
    expect(mode).toEqual({ detection: true, access: false });
    expect(isAutomatic(mode)).toBe(false);
  });

  it('asks the browser during the click itself, before anything else is awaited (Firefox requires it)', async () => {
    const request = fakePermissions(true);
    const pending = turnOnDetection();
    expect(request).toHaveBeenCalledWith({ origins: ['<all_urls>'] });
    expect(await pending).toEqual({ ok: true });
    expect(isAutomatic(await loadDetectionMode())).toBe(true);
  });

  it('a refused prompt leaves click-only mode and says so', async () => {
    fakePermissions(false);
    await saveBehaviourPrefs({ detection: false });
    expect(await turnOnDetection()).toEqual({ ok: false, message: ACCESS_REFUSED });
    expect(await loadDetectionMode()).toEqual({ detection: false, access: false });
  });

  it('switching to click only turns the synced preference off and keeps the access', async () => {
    fakePermissions(true);
    await turnOnDetection();
    await turnOffDetection();
    expect((await loadBehaviourPrefs()).detection).toBe(false);
    expect(await loadDetectionMode()).toEqual({ detection: false, access: true });
  });
});
