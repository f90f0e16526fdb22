import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { extensionLaunchArgs, findChrome } from '../../../scripts/lib/find-chrome.mjs';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Presses Folio's toolbar button on the tab showing `page`, for real (Extensions.triggerAction). */
  pressToolbarButton(page: Page): Promise<void>;
  /** The toolbar badge text and title for the tab showing `page`. */
  badge(page: Page): Promise<{ text: string; title: string }>;
  /**
   * TEST ONLY (allSites: 'granted-by-test-copy'): grants or withholds access to all sites through the
   * browser's own site-access control (what chrome://extensions does), so Folio sees real
   * permissions.onAdded / onRemoved events. Resolves once the browser reports the new state.
   */
  testOnlySetAllSitesAccess(granted: boolean): Promise<void>;
  /**
   * A tab in a window of its own. The toolbar button acts on a window's active tab, and a tab in the
   * background is hidden (no animation frames), so pages that run side by side each need a window.
   */
  newWindowPage(): Promise<Page>;
  /** The URL of one of the extension's own pages (`article.html?id=…`). */
  extensionUrl(pathAndQuery: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Default: the Chrome build in .output/chrome-mv3. */
  extensionDir?: string;
  viewport?: { width: number; height: number };
  /** Extra Chromium flags (host-resolver rules, for instance). */
  args?: readonly string[];
  /** Access to all sites: see AllSitesAccess. Default: 'granted-by-test-copy'. */
  allSites?: AllSitesAccess;
}

/**
 * Access to all sites is optional in Folio's manifest and asked for by a click (onboarding, options).
 * Headless Chromium shows that request as a native dialog that no automation API can answer (checked:
 * the promise stays pending; CDP's Browser.grantPermissions/setPermission cover web permissions only;
 * chrome.developerPrivate's site access does not grant optional hosts). So a spec chooses:
 * - 'not-granted': the build as shipped; Folio has only what a fresh install has (click-only mode).
 * - 'granted-by-test-copy': a TEST-ONLY copy of the build whose manifest lists `<all_urls>` as a
 *   required host permission, standing in for a user who accepted the onboarding prompt. The shipped
 *   manifest is untouched. The browser's site-access control can then withhold and regrant it.
 */
export type AllSitesAccess = 'not-granted' | 'granted-by-test-copy';

function testOnlyCopyWithAllSitesGranted(extensionDir: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-e2e-all-sites-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { optional_host_permissions?: string[]; host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  delete manifest.optional_host_permissions;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function tabTargetId(cdp: CDPSession, page: Page): Promise<string> {
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: Array<{ targetId: string; url: string }> };
  const tab = targetInfos.find((target) => target.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  return tab.targetId;
}

async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    // Without host access (about:, chrome:) a tab's url is hidden: the test's page is the active tab then.
    const tab = tabs.find((candidate) => candidate.url === pageUrl) ?? tabs.find((candidate) => candidate.active && candidate.url === undefined);
    if (tab?.id === undefined) throw new Error(`no tab for ${pageUrl}`);
    return tab.id;
  }, url);
}

/** Folio's registered detection script, as the browser lists it (empty when detection cannot run). */
export function registeredDetectionScripts(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id));
}

/** Launches Chromium headless with the built extension loaded (recipe: shared/docs/e2e-recipe.md). */
export async function launchWithExtension({
  extensionDir = EXTENSION_DIR,
  viewport = { width: 1280, height: 900 },
  args = [],
  allSites = 'granted-by-test-copy',
}: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'folio-e2e-'));
  const copy = allSites === 'granted-by-test-copy' ? testOnlyCopyWithAllSitesGranted(extensionDir) : null;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: true,
    viewport,
    args: [...extensionLaunchArgs(copy?.dir ?? extensionDir, { sandbox: false }), ...args],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const cdp = await context.browser()!.newBrowserCDPSession();
  const hasAllSites = () => worker.evaluate(() => chrome.permissions.contains({ origins: ['<all_urls>'] }));
  // With access, detection is on by default: wait for its registration, or a first page load would miss it.
  if (copy) await waitUntil('the detection script to be registered', async () => (await registeredDetectionScripts(worker)).length > 0);
  let windowQueue: Promise<unknown> = Promise.resolve();
  return {
    context,
    worker,
    extensionId,
    async pressToolbarButton(page) {
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: await tabTargetId(cdp, page) } as never);
    },
    async badge(page) {
      const tabId = await tabIdOf(worker, page.url());
      return worker.evaluate(async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }), tabId);
    },
    async testOnlySetAllSitesAccess(granted) {
      if (!copy) throw new Error("testOnlySetAllSitesAccess needs allSites: 'granted-by-test-copy' (an optional permission cannot be granted headless)");
      const settings = await context.newPage();
      await settings.goto('chrome://extensions');
      await settings.evaluate(
        // chrome://extensions' own API (its "Site access" menu), not part of @types/chrome.
        ([id, hostAccess]) =>
          (chrome as unknown as { developerPrivate: { updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void> } })
            .developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess }),
        [extensionId, granted ? 'ON_ALL_SITES' : 'ON_CLICK'] as const,
      );
      await settings.close();
      await waitUntil(`access to all sites to be ${granted ? 'granted' : 'withheld'}`, async () => (await hasAllSites()) === granted);
    },
    newWindowPage() {
      // One at a time, and matched by target id: the welcome tab Folio opens on install may appear meanwhile.
      const opening = windowQueue.then(async () => {
        const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
        return pageWithTargetId(context, targetId);
      });
      windowQueue = opening.catch(() => undefined);
      return opening;
    },
    extensionUrl: (pathAndQuery) => `chrome-extension://${extensionId}/${pathAndQuery.replace(/^\//, '')}`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      copy?.remove();
    },
  };
}

async function pageWithTargetId(context: BrowserContext, targetId: string, timeoutMs = 10_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of context.pages()) {
      if ((await targetIdOf(context, page)) === targetId) return page;
    }
    if (Date.now() > deadline) throw new Error(`no page for target ${targetId}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The page's target id, or null when the page closed meanwhile (another lane closing its tab). */
async function targetIdOf(context: BrowserContext, page: Page): Promise<string | null> {
  try {
    const session = await context.newCDPSession(page);
    const { targetInfo } = await session.send('Target.getTargetInfo');
    await session.detach().catch(() => undefined);
    return targetInfo.targetId;
  } catch (error) {
    if (page.isClosed()) return null;
    throw error;
  }
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
