import { mkdtempSync, rmSync } from 'node:fs';
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

/** Launches Chromium headless with the built extension loaded (recipe: shared/docs/e2e-recipe.md). */
export async function launchWithExtension({ extensionDir = EXTENSION_DIR, viewport = { width: 1280, height: 900 }, args = [] }: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'folio-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: true,
    viewport,
    args: [...extensionLaunchArgs(extensionDir, { sandbox: false }), ...args],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const cdp = await context.browser()!.newBrowserCDPSession();
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
    newWindowPage() {
      // One at a time: each opening waits for "the next page", which must be its own.
      const opening = windowQueue.then(async () => {
        const opened = context.waitForEvent('page');
        await cdp.send('Target.createTarget', { url: 'about:blank', newWindow: true });
        return opened;
      });
      windowQueue = opening.catch(() => undefined);
      return opening;
    },
    extensionUrl: (pathAndQuery) => `chrome-extension://${extensionId}/${pathAndQuery.replace(/^\//, '')}`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
