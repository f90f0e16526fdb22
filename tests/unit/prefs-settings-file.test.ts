import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CUSTOM_CSS_MAX_BYTES, checkCustomCss } from '@/lib/prefs/custom-css';
import { settingsFromFile, settingsToFile, type AllPrefs } from '@/lib/prefs/settings-file';
import { SITE_RULES_MAX_BYTES } from '@/lib/prefs/site-rules';
import { RESERVED_FOREIGN_BYTES } from '@/lib/sync';
import { itemBytes } from '@/lib/sync/byte-size';
import { loadAllPrefs, saveCustomCss, saveReaderPrefs } from '@/lib/storage/prefs';
import { importSettingsFile } from '@/lib/storage/prefs-import';

const PREFS: AllPrefs = {
  reader: { theme: 'dark', font: 'sans', fontSize: 21, lineWidth: 60, lineHeight: 1.8 },
  behaviour: { toolbarOpens: 'popup', detection: false, showShortcuts: false, offlineImages: false },
  siteRules: { 'news.example.com': { alwaysOpen: true, hideDetection: false, fontSize: 23 } },
  customCss: '.folio-body p { text-indent: 1.5em; }',
};

const fileWith = (change: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(settingsToFile(PREFS)), ...change });

describe('settings export and import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips every preference through a file', () => {
    const result = settingsFromFile(settingsToFile(PREFS));
    expect(result).toEqual({ ok: true, prefs: PREFS });
  });

  it('imports a file written before "Keep images for offline reading" existed, with that preference on', () => {
    const { offlineImages: _, ...olderBehaviour } = PREFS.behaviour;
    const result = settingsFromFile(fileWith({ behaviour: olderBehaviour }));
    expect(result).toEqual({ ok: true, prefs: { ...PREFS, behaviour: { ...PREFS.behaviour, offlineImages: true } } });
  });

  it.each([
    ['not JSON', '{"format": "folio-set', /not JSON/],
    ['another program’s JSON', '{"theme": "dark"}', /not a Folio settings file/],
    ['a newer Folio’s file', fileWith({ version: 9 }), /newer Folio/],
    ['a value out of range', fileWith({ reader: { ...PREFS.reader, fontSize: 90 } }), /reader\.fontSize/],
    ['an unknown theme', fileWith({ reader: { ...PREFS.reader, theme: 'neon' } }), /reader\.theme/],
    ['a missing group', fileWith({ behaviour: undefined }), /behaviour/],
    ['a bad host in site rules', fileWith({ siteRules: { 'not a host': { o: 1 } } }), /siteRules/],
    ['custom CSS that loads from the web', fileWith({ customCss: '@import url(https://evil.example/x.css);' }), /cannot load anything/],
  ])('refuse %s with a clear message and change nothing', async (_name, text, message) => {
    await saveReaderPrefs({ theme: 'sepia' });
    const before = await fakeBrowser.storage.sync.get(null);
    const result = await importSettingsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(before);
  });

  it('a good file replaces every preference at once', async () => {
    await saveCustomCss('.folio-title { color: red; }');
    const result = await importSettingsFile(settingsToFile(PREFS));
    expect(result.ok).toBe(true);
    expect(await loadAllPrefs()).toEqual(PREFS);
    const stored = await fakeBrowser.storage.sync.get(['behaviourPrefs$', 'siteRules']);
    expect(stored.behaviourPrefs$).toEqual({ v: 3 });
    expect(stored.siteRules).toEqual({ 'news.example.com': { o: 1, s: 23 } });
  });
});

describe('custom CSS and the storage.sync budget', () => {
  it('refuses CSS over its size limit or loading from the web, and accepts ordinary CSS', () => {
    expect(checkCustomCss('.folio-body { max-width: 40ch; background: url(data:image/png;base64,AAAA); }').ok).toBe(true);
    expect(checkCustomCss('a'.repeat(CUSTOM_CSS_MAX_BYTES + 1))).toMatchObject({ ok: false, message: expect.stringMatching(/limit is 6,144 bytes/) });
    expect(checkCustomCss('p { background: url( "//tracker.example/p.gif") }').ok).toBe(false);
    expect(checkCustomCss('@IMPORT "x.css";').ok).toBe(false);
  });

  it('every preference at its largest still fits the 16 KiB the sync engine leaves free, one item under 8 KiB', () => {
    // The CSS limit counts escapes: quotes take two bytes in JSON, so half as many fit.
    expect(checkCustomCss('"'.repeat(CUSTOM_CSS_MAX_BYTES / 2)).ok).toBe(false);
    expect(checkCustomCss('"'.repeat(CUSTOM_CSS_MAX_BYTES / 2 - 1)).ok).toBe(true);
    const sizes = {
      readerPrefs: itemBytes('readerPrefs', { theme: 'system', font: 'serif', fontSize: 28, lineWidth: 90, lineHeight: 1.3000000000000003 }),
      behaviourPrefs: itemBytes('behaviourPrefs', { toolbarOpens: 'reader', detection: false, showShortcuts: false, offlineImages: false }),
      siteRules: SITE_RULES_MAX_BYTES,
      customCss: 'customCss'.length + CUSTOM_CSS_MAX_BYTES,
      versionStamps: 4 * itemBytes('behaviourPrefs$', { v: 2 }),
    };
    const total = Object.values(sizes).reduce((sum, bytes) => sum + bytes, 0);
    expect(total).toBeLessThanOrEqual(RESERVED_FOREIGN_BYTES);
    expect(Math.max(...Object.values(sizes))).toBeLessThanOrEqual(8_192);
  });
});
