// zod's mini build: the same checks, tree-shaken to the few used here. These schemas ship in the
// reader overlay, where the full build took more of the page's thread to evaluate than React did
// (bench:big-page, issue 6). Settings files (settings-file.ts) nest them in the full build's schemas.
import * as z from 'zod/mini';

// Extension pages forbid eval; zod's JIT would try `new Function` first. Plain parsing is plenty here.
z.config({ jitless: true });

/**
 * The one typed schema for every preference. Each group has a strict schema (settings files are
 * checked against it and rejected with a message) and a lenient reader (values from another device or
 * an older version are clamped or replaced field by field, never trusted as they are, never fatal).
 */
export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export const FONTS = ['serif', 'sans'] as const;
export const TOOLBAR_ACTIONS = ['reader', 'popup'] as const;

export const FONT_SIZE = { min: 14, max: 28, step: 1 } as const;
export const LINE_WIDTH = { min: 45, max: 90, step: 5 } as const;
export const LINE_HEIGHT = { min: 1.3, max: 2.0, step: 0.1 } as const;

const inRange = (range: { min: number; max: number }) => z.number().check(z.gte(range.min), z.lte(range.max));

export const readerPrefsSchema = z.strictObject({
  theme: z.enum(THEMES),
  font: z.enum(FONTS),
  fontSize: inRange(FONT_SIZE),
  /** Characters a line (CSS `ch`); 65–70 reads best. */
  lineWidth: inRange(LINE_WIDTH),
  lineHeight: inRange(LINE_HEIGHT),
});
export type ReaderPrefs = z.infer<typeof readerPrefsSchema>;
export const DEFAULT_READER_PREFS: ReaderPrefs = { theme: 'system', font: 'serif', fontSize: 19, lineWidth: 68, lineHeight: 1.6 };

export const behaviourPrefsSchema = z.strictObject({
  /** What the toolbar button does: open the reader on the page, or open the popup. */
  toolbarOpens: z.enum(TOOLBAR_ACTIONS),
  /** Show "article available" on the toolbar icon. */
  detection: z.boolean(),
  /** Show the keyboard shortcuts (Esc, Alt+Shift+R) in the reader's toolbar. Added in version 2. */
  showShortcuts: z.boolean(),
  /**
   * Keep the images of saved articles for offline reading (fetched once, after the save, from the
   * article's own image URLs; lib/library/offline-images/). Added in version 3.
   */
  offlineImages: z.boolean(),
});
export type BehaviourPrefs = z.infer<typeof behaviourPrefsSchema>;
export const DEFAULT_BEHAVIOUR_PREFS: BehaviourPrefs = { toolbarOpens: 'reader', detection: true, showShortcuts: true, offlineImages: true };

const RANGES: Partial<Record<string, { min: number; max: number }>> = { fontSize: FONT_SIZE, lineWidth: LINE_WIDTH, lineHeight: LINE_HEIGHT };

/**
 * Field by field: a valid field is kept, a number out of range is clamped, anything else (missing, wrong
 * type, unknown value) falls back to the default. Unknown fields are dropped.
 */
function lenient<T extends Record<string, unknown>>(schema: z.ZodMiniObject, defaults: T) {
  return (value: unknown): T => {
    const input = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    const out: Record<string, unknown> = { ...defaults };
    for (const [key, field] of Object.entries(schema.shape)) {
      const raw = input[key];
      const range = RANGES[key];
      if (range && typeof raw === 'number' && Number.isFinite(raw)) out[key] = Math.min(range.max, Math.max(range.min, raw));
      else if ((field as z.ZodMiniType).safeParse(raw).success) out[key] = raw;
    }
    return out as T;
  };
}

export const readReaderPrefs = lenient(readerPrefsSchema, DEFAULT_READER_PREFS);
export const readBehaviourPrefs = lenient(behaviourPrefsSchema, DEFAULT_BEHAVIOUR_PREFS);
