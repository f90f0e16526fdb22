// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPageModule } from '@/entrypoints/library/page-module';
import { PAGE_MODULE_META } from '@/lib/build/defer-page-module';
import { FakePaintObserver, setVisibility } from './fake-paint-observer';

const MODULE = '/chunks/library-abc123.js';

function nameModule(url: string | null) {
  document.head.querySelector(`meta[name="${PAGE_MODULE_META}"]`)?.remove();
  if (url === null) return;
  const meta = document.createElement('meta');
  meta.name = PAGE_MODULE_META;
  meta.content = url;
  document.head.append(meta);
}

describe('the library page imports its module, named by the built page, after the first screen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('PerformanceObserver', FakePaintObserver);
    setVisibility('visible');
    nameModule(MODULE);
  });
  afterEach(() => {
    FakePaintObserver.live.clear();
    nameModule(null);
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('imports the named module once the drawn rows are presented (first contentful paint), once', () => {
    const load = vi.fn();
    loadPageModule(document, true, load);
    expect(load).not.toHaveBeenCalled();
    FakePaintObserver.report('first-contentful-paint');
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith(MODULE);
    vi.advanceTimersByTime(5_000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('imports it at once when nothing was drawn or the page is hidden (no paint would come)', () => {
    const nothingDrawn = vi.fn();
    loadPageModule(document, false, nothingDrawn);
    expect(nothingDrawn).toHaveBeenCalledWith(MODULE);

    setVisibility('hidden');
    const hidden = vi.fn();
    loadPageModule(document, true, hidden);
    expect(hidden).toHaveBeenCalledWith(MODULE);
  });

  it('leaves a page without the meta (the dev server keeps its module script) to load itself', () => {
    nameModule(null);
    const load = vi.fn();
    loadPageModule(document, false, load);
    loadPageModule(document, true, load);
    FakePaintObserver.report('first-contentful-paint');
    vi.advanceTimersByTime(5_000);
    expect(load).not.toHaveBeenCalled();
  });
});
