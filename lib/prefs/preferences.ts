import * as z from 'zod/mini';
import { CUSTOM_CSS_MAX_BYTES } from './custom-css';
import { behaviourPrefsSchema, DEFAULT_BEHAVIOUR_PREFS, DEFAULT_READER_PREFS, readerPrefsSchema } from './schema';
import { storedSiteRulesSchema } from './site-rules';

/**
 * Every preference Folio keeps, as stored in storage.sync, in one schema: one field a stored item
 * (lib/storage/prefs.ts defines the versioned WXT items from it, so an item without a schema, or a
 * schema without an item, does not type-check).
 * - readerPrefs: typography and theme (theme, font, fontSize, lineWidth, lineHeight)
 * - behaviourPrefs: toolbar-button behaviour (toolbarOpens), detection on/off, shortcuts shown,
 *   offline images kept
 * - siteRules: per-site rules (always open the reader, never show detection, own text size)
 * - customCss: the reader's custom CSS (checked further by checkCustomCss)
 */
export const storedPreferencesSchema = z.strictObject({
  readerPrefs: readerPrefsSchema,
  behaviourPrefs: behaviourPrefsSchema,
  siteRules: storedSiteRulesSchema,
  customCss: z.string().check(z.maxLength(CUSTOM_CSS_MAX_BYTES)),
});
export type StoredPreferences = z.infer<typeof storedPreferencesSchema>;
export type PreferenceName = keyof StoredPreferences;

/** What each item holds before anything was chosen (also its WXT fallback). */
export const DEFAULT_STORED_PREFERENCES: StoredPreferences = {
  readerPrefs: DEFAULT_READER_PREFS,
  behaviourPrefs: DEFAULT_BEHAVIOUR_PREFS,
  siteRules: {},
  customCss: '',
};
