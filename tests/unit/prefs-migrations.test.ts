import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PREF_MIGRATIONS } from '@/lib/storage/prefs-migrations';
import { migrateBehaviourPrefsToV2 } from '@/lib/storage/prefs-migrations/behaviour-prefs-v2';
import { migrateBehaviourPrefsToV3 } from '@/lib/storage/prefs-migrations/behaviour-prefs-v3';
import { definePrefItems, loadBehaviourPrefs, PREF_KEYS, saveBehaviourPrefs } from '@/lib/storage/prefs';
import { DEFAULT_STORED_PREFERENCES, storedPreferencesSchema } from '@/lib/prefs/preferences';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('preference migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('every item is at the version of its last migration step, and the steps have no gaps', () => {
    for (const [name, { version, migrations }] of Object.entries(PREF_MIGRATIONS)) {
      const steps = Object.keys(migrations).map(Number).sort((a, b) => a - b);
      expect(steps, name).toEqual(Array.from({ length: version - 1 }, (_, i) => i + 2));
    }
    expect(Object.keys(PREF_MIGRATIONS).sort()).toEqual(Object.keys(PREF_KEYS).sort());
  });

  it('one schema holds every preference the issue lists, one field a versioned stored item', () => {
    const shape = storedPreferencesSchema.shape;
    expect(Object.keys(shape).sort()).toEqual(Object.keys(PREF_KEYS).sort());
    // Typography and theme; toolbar-button behaviour, detection on/off, shortcuts shown, offline images.
    expect(Object.keys(shape.readerPrefs.shape).sort()).toEqual(['font', 'fontSize', 'lineHeight', 'lineWidth', 'theme']);
    expect(Object.keys(shape.behaviourPrefs.shape).sort()).toEqual(['detection', 'offlineImages', 'showShortcuts', 'toolbarOpens']);
    // Per-site rules (always open, never detect, own text size) and custom CSS.
    expect(shape.siteRules.safeParse({ 'example.com': { o: 1, n: 1, s: 22 } }).success).toBe(true);
    expect(shape.customCss.safeParse('p { color: red }').success).toBe(true);
    // What a fresh install holds is valid in the newest shape.
    expect(storedPreferencesSchema.parse(DEFAULT_STORED_PREFERENCES)).toEqual(DEFAULT_STORED_PREFERENCES);
  });

  it('a value brought up to date by the migrations matches the newest schema', () => {
    const v1 = { toolbarOpens: 'reader', detection: true };
    let value: unknown = v1;
    for (let version = 2; version <= PREF_MIGRATIONS.behaviourPrefs.version; version++) value = PREF_MIGRATIONS.behaviourPrefs.migrations[version]!(value);
    expect(storedPreferencesSchema.shape.behaviourPrefs.safeParse(value).success).toBe(true);
  });

  describe('behaviourPrefs v1 → v2 (adds showShortcuts)', () => {
    const before = { toolbarOpens: 'popup', detection: false };
    const after = { toolbarOpens: 'popup', detection: false, showShortcuts: true };

    it('as a function: before → after, and a v2 value is left alone', () => {
      expect(migrateBehaviourPrefsToV2(before)).toEqual(after);
      expect(migrateBehaviourPrefsToV2({ ...after, showShortcuts: false })).toEqual({ ...after, showShortcuts: false });
    });

    it('in storage.sync: a v1 value (no version stamp) is rewritten in v2 form and stamped v2', async () => {
      await fakeBrowser.storage.sync.set({ behaviourPrefs: before });
      const items = definePrefItems();
      await items.behaviourPrefs.migrate();
      await settle();
      const stored = await fakeBrowser.storage.sync.get(['behaviourPrefs', 'behaviourPrefs$']);
      expect(stored.behaviourPrefs).toEqual({ ...after, offlineImages: true });
      expect(stored.behaviourPrefs$).toEqual({ v: 3 });
      // The user's own choices survived.
      expect(await loadBehaviourPrefs()).toEqual({ ...after, offlineImages: true });
    });

    it('a fresh install writes the newest shape directly', async () => {
      const items = definePrefItems();
      await items.behaviourPrefs.migrate();
      await saveBehaviourPrefs({ showShortcuts: false });
      const stored = await fakeBrowser.storage.sync.get(['behaviourPrefs', 'behaviourPrefs$']);
      expect(stored.behaviourPrefs).toEqual({ toolbarOpens: 'reader', detection: true, showShortcuts: false, offlineImages: true });
    });
  });

  describe('behaviourPrefs v2 → v3 (adds offlineImages)', () => {
    const before = { toolbarOpens: 'popup', detection: false, showShortcuts: false };
    const after = { ...before, offlineImages: true };

    it('as a function: before → after, and a v3 value is left alone', () => {
      expect(migrateBehaviourPrefsToV3(before)).toEqual(after);
      expect(migrateBehaviourPrefsToV3({ ...after, offlineImages: false })).toEqual({ ...after, offlineImages: false });
    });

    it('in storage.sync: a v2 value is rewritten in v3 form and stamped v3, the other choices kept', async () => {
      await fakeBrowser.storage.sync.set({ behaviourPrefs: before, behaviourPrefs$: { v: 2 } });
      const items = definePrefItems();
      await items.behaviourPrefs.migrate();
      await settle();
      const stored = await fakeBrowser.storage.sync.get(['behaviourPrefs', 'behaviourPrefs$']);
      expect(stored.behaviourPrefs).toEqual(after);
      expect(stored.behaviourPrefs$).toEqual({ v: 3 });
    });
  });
});
