import { settingsFromFile, type SettingsFileResult } from '../prefs/settings-file';
import { saveAllPrefs } from './prefs';

/**
 * Imports a settings file: validated in full first, so a bad file changes nothing. Apart from
 * prefs.ts because the file's schema needs zod's full build, which the reader overlay (a prefs.ts
 * user) should not carry.
 */
export async function importSettingsFile(text: string): Promise<SettingsFileResult> {
  const parsed = settingsFromFile(text);
  if (parsed.ok) await saveAllPrefs(parsed.prefs);
  return parsed;
}
