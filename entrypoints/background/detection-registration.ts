import { browser } from 'wxt/browser';
import { hasAllSitesAccess, watchAllSitesAccess } from '@/lib/permissions/all-sites-access';
import { loadBehaviourPrefs, watchBehaviourPrefs } from '@/lib/storage/prefs';

/**
 * The detection script (entrypoints/detect.content.ts) runs on page loads only while the user wants
 * detection AND has granted access to all sites. It is registered at run time, never declared in the
 * manifest (which would ask for that access at install), and unregistered as soon as either condition
 * stops holding: detection turned off here or on another device, or the access removed (in the browser's
 * extension settings too). A page loaded after that gets no script at all.
 */
export const DETECT_SCRIPT_ID = 'folio-detect';

/** The browser's registry of dynamic content scripts, reduced to the one script Folio registers. */
export interface DetectionScriptRegistry {
  isRegistered(): Promise<boolean>;
  register(): Promise<void>;
  unregister(): Promise<void>;
}

export interface DetectionRegistrar {
  /** Brings the registration in line with what is wanted now; calls run one at a time. */
  sync(): Promise<void>;
}

export function createDetectionRegistrar(registry: DetectionScriptRegistry, wanted: () => Promise<boolean>): DetectionRegistrar {
  let queue: Promise<void> = Promise.resolve();
  const reconcile = async () => {
    const [want, registered] = await Promise.all([wanted(), registry.isRegistered()]);
    if (want && !registered) await registry.register();
    if (!want && registered) await registry.unregister();
  };
  return {
    sync() {
      // One at a time: a pref change and a permission change arriving together must not both register.
      queue = queue.then(reconcile).catch((error) => console.warn('Folio: could not update the detection script', error));
      return queue;
    },
  };
}

export const browserDetectionRegistry: DetectionScriptRegistry = {
  async isRegistered() {
    const scripts = await browser.scripting.getRegisteredContentScripts({ ids: [DETECT_SCRIPT_ID] });
    return scripts.length > 0;
  },
  async register() {
    await browser.scripting.registerContentScripts([
      {
        id: DETECT_SCRIPT_ID,
        js: ['content-scripts/detect.js'],
        matches: ['<all_urls>'],
        runAt: 'document_idle',
        // Like a manifest content script: still there after a browser restart, no re-registration race.
        persistAcrossSessions: true,
      },
    ]);
  },
  async unregister() {
    await browser.scripting.unregisterContentScripts({ ids: [DETECT_SCRIPT_ID] });
  },
};

async function detectionWanted(): Promise<boolean> {
  const [behaviour, access] = await Promise.all([loadBehaviourPrefs(), hasAllSitesAccess()]);
  return behaviour.detection && access;
}

/** Background wiring: reconcile at start and on every change of the preference or the permission. */
export function registerDetectionScript(): void {
  const registrar = createDetectionRegistrar(browserDetectionRegistry, detectionWanted);
  void registrar.sync();
  watchBehaviourPrefs(() => void registrar.sync());
  watchAllSitesAccess(() => void registrar.sync());
}
