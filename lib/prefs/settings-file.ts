import { z } from 'zod';
import { checkCustomCss } from './custom-css';
import { behaviourPrefsSchema, readerPrefsSchema, type BehaviourPrefs, type ReaderPrefs } from './schema';
import { decodeSiteRules, encodeSiteRules, storedSiteRulesSchema, type SiteRules } from './site-rules';

/** Every preference, as one value: what a settings file holds and what import writes. */
export interface AllPrefs {
  reader: ReaderPrefs;
  behaviour: BehaviourPrefs;
  siteRules: SiteRules;
  customCss: string;
}

export const SETTINGS_FILE_FORMAT = 'folio-settings';
export const SETTINGS_FILE_VERSION = 1;

/** Strict: an import either matches exactly or is refused with a message; nothing is half-applied. */
const settingsFileSchema = z.strictObject({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_FILE_VERSION),
  exportedAt: z.string().optional(),
  reader: readerPrefsSchema,
  // A file written before offlineImages existed is still a valid file: the preference's default applies.
  // (behaviourPrefsSchema is a zod/mini schema, which has no .extend method: its shape is spread.)
  behaviour: z.strictObject({ ...behaviourPrefsSchema.shape, offlineImages: z.boolean().default(true) }),
  siteRules: storedSiteRulesSchema,
  customCss: z.string(),
});

export function settingsToFile(prefs: AllPrefs, now = new Date()): string {
  const file: z.input<typeof settingsFileSchema> = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    reader: prefs.reader,
    behaviour: prefs.behaviour,
    siteRules: encodeSiteRules(prefs.siteRules),
    customCss: prefs.customCss,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type SettingsFileResult = { ok: true; prefs: AllPrefs } | { ok: false; message: string };

/** "reader.fontSize: Too big: expected number to be <=28" — the first few problems, with where they are. */
function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 3).map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return lines.join('; ') + more;
}

export function settingsFromFile(text: string): SettingsFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON. Choose a file exported from Folio’s settings page.' };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== SETTINGS_FILE_FORMAT) return { ok: false, message: 'This is not a Folio settings file (its "format" is not "folio-settings").' };
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > SETTINGS_FILE_VERSION) {
    return { ok: false, message: `This settings file comes from a newer Folio (file version ${version}); update Folio to import it.` };
  }
  const parsed = settingsFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `This settings file has invalid values: ${describeIssues(parsed.error)}. Nothing was changed.` };
  const css = checkCustomCss(parsed.data.customCss);
  if (!css.ok) return { ok: false, message: `${css.message} Nothing was changed.` };
  return {
    ok: true,
    prefs: { reader: parsed.data.reader, behaviour: parsed.data.behaviour, siteRules: decodeSiteRules(parsed.data.siteRules), customCss: css.css },
  };
}
