import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

// Extension pages forbid eval; zod's JIT would try `new Function` first. Plain parsing is plenty here.
z.config({ jitless: true });

/**
 * Preferences that follow the reader across devices (`storage.sync`). Values arriving from another
 * device or an older version are validated and clamped, never trusted as they are.
 */
export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export const FONTS = ['serif', 'sans'] as const;
export const TOOLBAR_ACTIONS = ['reader', 'popup'] as const;

export const FONT_SIZE = { min: 14, max: 28, step: 1 } as const;
export const LINE_WIDTH = { min: 45, max: 90, step: 5 } as const;
export const LINE_HEIGHT = { min: 1.3, max: 2.0, step: 0.1 } as const;

const clamped = (range: { min: number; max: number }, fallback: number) =>
  z.number().catch(fallback).transform((value) => Math.min(range.max, Math.max(range.min, value)));

export const readerPrefsSchema = z.object({
  theme: z.enum(THEMES).catch('system'),
  font: z.enum(FONTS).catch('serif'),
  fontSize: clamped(FONT_SIZE, 19),
  /** Characters a line (CSS `ch`); 65–70 reads best. */
  lineWidth: clamped(LINE_WIDTH, 68),
  lineHeight: clamped(LINE_HEIGHT, 1.6),
});
export type ReaderPrefs = z.infer<typeof readerPrefsSchema>;

export const DEFAULT_READER_PREFS: ReaderPrefs = readerPrefsSchema.parse({});

export const behaviourPrefsSchema = z.object({
  /** What the toolbar button does: open the reader on the page, or open the popup. */
  toolbarOpens: z.enum(TOOLBAR_ACTIONS).catch('reader'),
  /** Show "article available" on the toolbar icon. */
  detection: z.boolean().catch(true),
});
export type BehaviourPrefs = z.infer<typeof behaviourPrefsSchema>;
export const DEFAULT_BEHAVIOUR_PREFS: BehaviourPrefs = behaviourPrefsSchema.parse({});

export const readerPrefsItem = storage.defineItem<ReaderPrefs>('sync:readerPrefs', {
  fallback: DEFAULT_READER_PREFS,
  version: 1,
});

export const behaviourPrefsItem = storage.defineItem<BehaviourPrefs>('sync:behaviourPrefs', {
  fallback: DEFAULT_BEHAVIOUR_PREFS,
  version: 1,
});

export async function loadReaderPrefs(): Promise<ReaderPrefs> {
  return readerPrefsSchema.parse(await readerPrefsItem.getValue());
}

export async function saveReaderPrefs(change: Partial<ReaderPrefs>): Promise<ReaderPrefs> {
  const next = readerPrefsSchema.parse({ ...(await loadReaderPrefs()), ...change });
  await readerPrefsItem.setValue(next);
  return next;
}

/** Calls back with validated preferences whenever they change, here or on another device. */
export function watchReaderPrefs(callback: (prefs: ReaderPrefs) => void): () => void {
  return readerPrefsItem.watch((value) => callback(readerPrefsSchema.parse(value ?? {})));
}

export async function loadBehaviourPrefs(): Promise<BehaviourPrefs> {
  return behaviourPrefsSchema.parse(await behaviourPrefsItem.getValue());
}

export async function saveBehaviourPrefs(change: Partial<BehaviourPrefs>): Promise<BehaviourPrefs> {
  const next = behaviourPrefsSchema.parse({ ...(await loadBehaviourPrefs()), ...change });
  await behaviourPrefsItem.setValue(next);
  return next;
}

export function watchBehaviourPrefs(callback: (prefs: BehaviourPrefs) => void): () => void {
  return behaviourPrefsItem.watch((value) => callback(behaviourPrefsSchema.parse(value ?? {})));
}
