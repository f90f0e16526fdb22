import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_READER_PREFS, loadReaderPrefs, readReaderPrefs, saveReaderPrefs, watchReaderPrefs } from '@/lib/storage/prefs';

describe('reader preferences in storage.sync', () => {
  beforeEach(() => fakeBrowser.reset());

  it('start from readable defaults: about 68 characters a line, line height 1.6', async () => {
    const prefs = await loadReaderPrefs();
    expect(prefs).toEqual(DEFAULT_READER_PREFS);
    expect(prefs.lineWidth).toBeGreaterThanOrEqual(60);
    expect(prefs.lineWidth).toBeLessThanOrEqual(75);
    expect(prefs.lineHeight).toBeGreaterThanOrEqual(1.5);
    expect(prefs.lineHeight).toBeLessThanOrEqual(1.7);
  });

  it('are saved in sync storage and merged with what is there', async () => {
    await saveReaderPrefs({ theme: 'sepia' });
    await saveReaderPrefs({ fontSize: 22 });
    const stored = await fakeBrowser.storage.sync.get('readerPrefs');
    expect(stored.readerPrefs).toMatchObject({ theme: 'sepia', fontSize: 22, font: 'serif' });
  });

  it('clamp or replace values from another device that make no sense, field by field', () => {
    const parsed = readReaderPrefs({ theme: 'neon', font: 'sans', fontSize: 400, lineWidth: 'wide', lineHeight: 0.5, extra: true });
    expect(parsed).toEqual({ theme: 'system', font: 'sans', fontSize: 28, lineWidth: 68, lineHeight: 1.3 });
    expect(readReaderPrefs(null)).toEqual(DEFAULT_READER_PREFS);
    expect(readReaderPrefs({ fontSize: Number.NaN })).toEqual(DEFAULT_READER_PREFS);
  });

  it('read garbage in storage as defaults instead of failing', async () => {
    await fakeBrowser.storage.sync.set({ readerPrefs: 'not an object' });
    expect(await loadReaderPrefs()).toEqual(DEFAULT_READER_PREFS);
  });

  it('notify watchers of a change, as one arriving from another device would', async () => {
    const seen: string[] = [];
    const unwatch = watchReaderPrefs((prefs) => seen.push(prefs.theme));
    await fakeBrowser.storage.sync.set({ readerPrefs: { ...DEFAULT_READER_PREFS, theme: 'dark' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    unwatch();
    expect(seen).toContain('dark');
  });
});
