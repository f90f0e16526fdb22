import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PREF_MIGRATIONS } from '@/lib/storage/prefs-migrations';
import { migrateBehaviourPrefsToV2 } from '@/lib/storage/prefs-migrations/behaviour-prefs-v2';
import { definePrefItems, loadBehaviourPrefs, PREF_KEYS, saveBehaviourPrefs } from '@/lib/storage/prefs';

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
      expect(stored.behaviourPrefs).toEqual(after);
      expect(stored.behaviourPrefs$).toEqual({ v: 2 });
      // The user's own choices survived.
      expect(await loadBehaviourPrefs()).toEqual(after);
    });

    it('a fresh install writes the v2 shape directly', async () => {
      const items = definePrefItems();
      await items.behaviourPrefs.migrate();
      await saveBehaviourPrefs({ showShortcuts: false });
      const stored = await fakeBrowser.storage.sync.get(['behaviourPrefs', 'behaviourPrefs$']);
      expect(stored.behaviourPrefs).toEqual({ toolbarOpens: 'reader', detection: true, showShortcuts: false });
    });
  });
});
