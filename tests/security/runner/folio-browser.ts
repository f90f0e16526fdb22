import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { ATTACKER_HOST, CANARY_FUNCTION, IMAGE_HOST } from '../corpus/canary';
import { caseIdOfUrl, type AttackLog } from './attack-log';
import { CASE_SITE_SUFFIX } from './case-server';
import { LIBRARY_DB_NAME } from '../../../lib/storage/schema';

export const CHROMIUM = '/usr/lib/chromium/chromium';
/** Binding the canary reports through; the page-facing canary function is defined by an init script. */
const REPORT_BINDING = '__folioReportCanary';

export interface FolioBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Presses Folio's toolbar button on the tab showing `page` (a real action click: activeTab is granted). */
  pressToolbarButton(page: Page): Promise<void>;
  /**
   * A tab in a window of its own. The toolbar button acts on a window's active tab, so pages that
   * run side by side each need their own window (tabs of one window would take turns being active).
   */
  newWindowPage(): Promise<Page>;
  /** The library id of the article saved from case `caseId` (its page URL names the case), or null. */
  findSavedId(caseId: string): Promise<string | null>;
  /** The saved-article reader page for library id `id`. */
  readerUrl(id: string): string;
  close(): Promise<void>;
}

/**
 * Defines the canary in every frame of every page, before any page script. It reports the case id and
 * where it ran: with a current event whose target sits in the page's own document, the page's element
 * reacted (for instance to focus moving into the overlay), which is not Folio's doing; handlers inside
 * the overlay's shadow root have no `window.event` (the DOM hides it for shadow trees), and script or
 * javascript: URLs have none either, so those report `shadow`, which counts.
 */
function canaryInitScript(): string {
  return `(() => {
    const report = (id) => {
      let where = 'shadow';
      const event = window.event;
      const target = event && event.target;
      if (target && typeof target.getRootNode === 'function' && target.getRootNode() === document) where = 'document';
      try {
        if (window.frameElement) where = window.frameElement.getRootNode() instanceof ShadowRoot ? 'shadow-frame' : 'document-frame';
      } catch { where = 'cross-origin-frame'; }
      if (window !== window.top && where === 'shadow') where = 'frame';
      try { window.${REPORT_BINDING}(String(id), where); } catch {}
    };
    Object.defineProperty(window, '${CANARY_FUNCTION}', { value: report, writable: false, configurable: false });
  })();`;
}

export async function launchFolioBrowser(extensionDir: string, serverPort: number, log: AttackLog): Promise<FolioBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'folio-security-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-sync',
      // Whatever escapes interception still cannot leave the machine: it reaches the case server.
      `--host-resolver-rules=MAP *.${CASE_SITE_SUFFIX} 127.0.0.1:${serverPort}, MAP ${ATTACKER_HOST} 127.0.0.1:${serverPort}, MAP ${IMAGE_HOST} 127.0.0.1:${serverPort}`,
    ],
  });

  await context.exposeBinding(REPORT_BINDING, (source, id: unknown, where: unknown) => {
    log.recordExecution({ caseId: String(id), where: String(where), frameUrl: source.frame.url() });
  });
  await context.addInitScript({ content: canaryInitScript() });

  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.hostname === ATTACKER_HOST) {
      log.recordRequest({ caseId: caseIdOfUrl(request.url()), url: request.url(), seenBy: 'route', resourceType: request.resourceType() });
      // 204 leaves a navigating page where it is (a meta refresh must not carry the case page away).
      await route.fulfill({ status: 204, body: '' });
    } else if (url.hostname.endsWith(`.${CASE_SITE_SUFFIX}`) || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      // The case pages, and the extension's own files (the reader page loads through here too).
      await route.continue();
    } else {
      // The articles' own images (images.example) and anything else: fail fast, offline.
      await route.abort('addressunreachable');
    }
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const browserSession: CDPSession = await context.browser()!.newBrowserCDPSession();
  let windowQueue: Promise<unknown> = Promise.resolve();
  let libraryPage: Promise<Page> | undefined;
  const newWindowPage = (): Promise<Page> => {
    // One at a time: each opening waits for "the next page", which must be its own.
    const opening = windowQueue.then(async () => {
      const opened = context.waitForEvent('page');
      await browserSession.send('Target.createTarget', { url: 'about:blank', newWindow: true });
      return opened;
    });
    windowQueue = opening.catch(() => undefined);
    return opening;
  };

  return {
    context,
    extensionId,
    async pressToolbarButton(page) {
      const { targetInfos } = (await browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
        targetInfos: Array<{ targetId: string; url: string }>;
      };
      const tab = targetInfos.find((t) => t.url === page.url());
      if (!tab) throw new Error(`no tab target for ${page.url()}`);
      await browserSession.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
    },
    newWindowPage,
    async findSavedId(caseId) {
      libraryPage ??= newWindowPage().then(async (page) => {
        await page.goto(`chrome-extension://${extensionId}/library.html`);
        return page;
      });
      const page = await libraryPage;
      return page.evaluate(({ name, caseId }) => new Promise<string | null>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const request = open.result.transaction('articles').objectStore('articles').getAll();
          request.onerror = () => resolve(null);
          request.onsuccess = () => {
            const records = request.result as Array<{ id: string; url: string }>;
            resolve(records.find((r) => r.url.includes(caseId) || r.id.includes(caseId))?.id ?? null);
            open.result.close();
          };
        };
      }), { name: LIBRARY_DB_NAME, caseId });
    },
    readerUrl: (id) => `chrome-extension://${extensionId}/article.html?id=${encodeURIComponent(id)}`,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
