import { loadBehaviourPrefs, saveBehaviourPrefs, watchBehaviourPrefs } from '../storage/prefs';
import { hasAllSitesAccess, removeAllSitesAccess, requestAllSitesAccess, watchAllSitesAccess } from './all-sites-access';

/**
 * Click-only mode or automatic detection, as the onboarding page and the options page show and change
 * it. Detection runs only when both hold: the preference (synced) and the access (granted per browser).
 */
export interface DetectionMode {
  /** The synced preference: the user wants article pages marked. */
  detection: boolean;
  /** This browser has granted access to all sites. */
  access: boolean;
}

export type DetectionModeChange = { ok: true } | { ok: false; message: string };

export const isAutomatic = (mode: DetectionMode) => mode.detection && mode.access;

export async function loadDetectionMode(): Promise<DetectionMode> {
  const [behaviour, access] = await Promise.all([loadBehaviourPrefs(), hasAllSitesAccess()]);
  return { detection: behaviour.detection, access };
}

export function watchDetectionMode(callback: (mode: DetectionMode) => void): () => void {
  const reload = () => void loadDetectionMode().then(callback);
  const unwatchPrefs = watchBehaviourPrefs(reload);
  const unwatchAccess = watchAllSitesAccess(reload);
  return () => {
    unwatchPrefs();
    unwatchAccess();
  };
}

export const ACCESS_REFUSED = 'Access to all sites was not granted, so Folio stays in click-only mode. Clicking its button still opens the reader.';

/** Call straight from a click handler: the browser's prompt needs the click (see requestAllSitesAccess). */
export async function turnOnDetection(): Promise<DetectionModeChange> {
  const granted = await requestAllSitesAccess();
  if (!granted) return { ok: false, message: ACCESS_REFUSED };
  await saveBehaviourPrefs({ detection: true });
  return { ok: true };
}

/** Click-only mode; the access stays (library downloads use it) unless the user also gives it back. */
export async function turnOffDetection(): Promise<DetectionModeChange> {
  await saveBehaviourPrefs({ detection: false });
  return { ok: true };
}

export async function giveBackAllSitesAccess(): Promise<DetectionModeChange> {
  return (await removeAllSitesAccess()) ? { ok: true } : { ok: false, message: 'The browser kept the access; you can remove it in its extension settings.' };
}
