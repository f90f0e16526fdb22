import { settingsToFile } from '@/lib/prefs/settings-file';
import { loadAllPrefs } from '@/lib/storage/prefs';
import { importSettingsFile } from '@/lib/storage/prefs-import';

/** Downloads every preference as folio-settings-YYYY-MM-DD.json. */
export async function exportSettings(): Promise<void> {
  const blob = new Blob([settingsToFile(await loadAllPrefs())], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `folio-settings-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Null when imported; otherwise the message saying why nothing changed. */
export async function importSettings(text: string): Promise<string | null> {
  const result = await importSettingsFile(text);
  return result.ok ? null : result.message;
}
