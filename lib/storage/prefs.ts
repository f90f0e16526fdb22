import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { checkCustomCss, type CustomCssCheck } from '../prefs/custom-css';
import {
  readBehaviourPrefs,
  readReaderPrefs,
  type BehaviourPrefs,
  type ReaderPrefs,
} from '../prefs/schema';
import { DEFAULT_STORED_PREFERENCES, type PreferenceName, type StoredPreferences } from '../prefs/preferences';
import type { AllPrefs } from '../prefs/settings-file';
import { decodeSiteRules, encodeSiteRules, SITE_RULES_MAX_BYTES, withRule, type SiteRule, type SiteRules } from '../prefs/site-rules';
import { itemBytes } from '../sync/byte-size';
import { PREF_MIGRATIONS } from './prefs-migrations';

export * from '../prefs/schema';

/**
 * Every preference lives in storage.sync under its own versioned WXT item, so it follows the reader to
 * other devices; `watch*` calls back on any change, here or arriving from another device. Reads go
 * through the lenient readers in lib/prefs, so a value from an older or newer Folio never breaks a page.
 * The sync engine owns `folio:s:*`; these keys stay outside it and within its 16 KiB reserve.
 */
export const PREF_KEYS: { readonly [name in PreferenceName]: `sync:${name}` } = {
  readerPrefs: 'sync:readerPrefs',
  behaviourPrefs: 'sync:behaviourPrefs',
  siteRules: 'sync:siteRules',
  customCss: 'sync:customCss',
};

/** The items, defined afresh (tests seed old data first, then define, to watch a migration run). */
export function definePrefItems() {
  // Typed by the one preferences schema (lib/prefs/preferences.ts): each item holds its field.
  const define = <K extends PreferenceName>(name: K) =>
    storage.defineItem<StoredPreferences[K]>(PREF_KEYS[name], {
      fallback: DEFAULT_STORED_PREFERENCES[name],
      version: PREF_MIGRATIONS[name].version,
      migrations: PREF_MIGRATIONS[name].migrations,
    });
  return {
    readerPrefs: define('readerPrefs'),
    behaviourPrefs: define('behaviourPrefs'),
    siteRules: define('siteRules'),
    customCss: define('customCss'),
  };
}

export const prefItems = definePrefItems();

function accessor<Stored, T>(item: WxtStorageItem<Stored, Record<string, unknown>>, read: (value: unknown) => T) {
  return {
    load: async (): Promise<T> => read(await item.getValue()),
    watch: (callback: (value: T) => void): (() => void) => item.watch((value) => callback(read(value))),
  };
}

const readCss = (value: unknown) => (typeof value === 'string' && checkCustomCss(value).ok ? value : '');

const reader = accessor(prefItems.readerPrefs, readReaderPrefs);
const behaviour = accessor(prefItems.behaviourPrefs, readBehaviourPrefs);
const siteRules = accessor(prefItems.siteRules, decodeSiteRules);
const customCss = accessor(prefItems.customCss, readCss);

export const loadReaderPrefs = reader.load;
/** Calls back with validated preferences whenever they change, here or on another device. */
export const watchReaderPrefs = reader.watch;
export const loadBehaviourPrefs = behaviour.load;
export const watchBehaviourPrefs = behaviour.watch;
export const loadSiteRules = siteRules.load;
export const watchSiteRules = siteRules.watch;
export const loadCustomCss = customCss.load;
export const watchCustomCss = customCss.watch;

/**
 * Saves are read-modify-write; run them one at a time, or two quick clicks (two checkboxes) would both
 * read the old value and the second write would undo the first.
 */
let queue: Promise<unknown> = Promise.resolve();
function serially<A extends unknown[], R>(save: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => {
    const run = queue.then(() => save(...args));
    queue = run.catch(() => undefined);
    return run;
  };
}

export const saveReaderPrefs = serially(async (change: Partial<ReaderPrefs>): Promise<ReaderPrefs> => {
  const next = readReaderPrefs({ ...(await loadReaderPrefs()), ...change });
  await prefItems.readerPrefs.setValue(next);
  return next;
});

export const saveBehaviourPrefs = serially(async (change: Partial<BehaviourPrefs>): Promise<BehaviourPrefs> => {
  const next = readBehaviourPrefs({ ...(await loadBehaviourPrefs()), ...change });
  await prefItems.behaviourPrefs.setValue(next);
  return next;
});

export type SiteRulesSave = { ok: true; rules: SiteRules } | { ok: false; message: string };

/** Changes one site's rule; refused (nothing written) when the rules would outgrow their budget. */
export const saveSiteRule = serially(async (host: string, change: Partial<SiteRule>): Promise<SiteRulesSave> => {
  const rules = withRule(await loadSiteRules(), host, change);
  const stored = encodeSiteRules(rules);
  if (itemBytes(PREF_KEYS.siteRules, stored) > SITE_RULES_MAX_BYTES) {
    return { ok: false, message: `Folio keeps rules for about ${Object.keys(rules).length - 1} sites at most (they sync with your settings); remove some to add more.` };
  }
  await prefItems.siteRules.setValue(stored);
  return { ok: true, rules };
});

export async function saveCustomCss(css: string): Promise<CustomCssCheck> {
  const checked = checkCustomCss(css);
  if (checked.ok) await prefItems.customCss.setValue(checked.css);
  return checked;
}

export async function loadAllPrefs(): Promise<AllPrefs> {
  const [readerValue, behaviourValue, rules, css] = await Promise.all([loadReaderPrefs(), loadBehaviourPrefs(), loadSiteRules(), loadCustomCss()]);
  return { reader: readerValue, behaviour: behaviourValue, siteRules: rules, customCss: css };
}

/** Writes every preference in one storage call (an imported file, already validated in full). */
export const saveAllPrefs = serially(async (prefs: AllPrefs): Promise<void> => {
  const stored = encodeSiteRules(prefs.siteRules);
  if (itemBytes(PREF_KEYS.siteRules, stored) > SITE_RULES_MAX_BYTES) throw new Error('site rules over budget');
  await storage.setItems([
    { item: prefItems.readerPrefs, value: prefs.reader },
    { item: prefItems.behaviourPrefs, value: prefs.behaviour },
    { item: prefItems.siteRules, value: stored },
    { item: prefItems.customCss, value: prefs.customCss },
  ]);
  // The values are in the newest shape now; say so, or a later start would migrate them again.
  await storage.setMetas(
    (Object.keys(PREF_KEYS) as Array<keyof typeof PREF_KEYS>).map((name) => ({ key: PREF_KEYS[name], meta: { v: PREF_MIGRATIONS[name].version } })),
  );
});
