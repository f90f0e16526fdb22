import { launchWithExtension, type ExtensionBrowser } from '../../e2e/harness/extension';
import { LIBRARY_DB_NAME } from '../../../lib/storage/schema';
import { ATTACKER_HOST, CANARY_FUNCTION, IMAGE_HOST } from '../corpus/canary';
import { caseIdOfUrl, type AttackLog } from './attack-log';
import type { Surface } from './surface-probe';
import { CASE_SITE_SUFFIX } from './case-server';

/**
 * The canary reports as a console message starting with this marker (Playwright sees every frame's
 * console, whatever the page's CSP). It was a Playwright binding; a console message costs the
 * browser far less per document, and the init script holds the console function it captured before
 * any page script ran, so a page cannot silence it.
 */
const REPORT_MARKER = '\u2063folio-canary';

/** The e2e harness's browser with Folio, instrumented to catch what the hostile cases manage to do. */
export interface SecurityBrowser {
  folio: ExtensionBrowser;
  /** The library id of the article saved from case `caseId`, or null; `surface` shows one of Folio's own pages. */
  findSavedId(surface: Surface, caseId: string): Promise<string | null>;
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
    const say = console.debug.bind(console);
    const report = (id) => {
      let where = 'shadow';
      const event = window.event;
      const target = event && event.target;
      if (target && typeof target.getRootNode === 'function' && target.getRootNode() === document) where = 'document';
      try {
        if (window.frameElement) where = window.frameElement.getRootNode() instanceof ShadowRoot ? 'shadow-frame' : 'document-frame';
      } catch { where = 'cross-origin-frame'; }
      if (window !== window.top && where === 'shadow') where = 'frame';
      say('${REPORT_MARKER}', '' + id, where, location.href);
    };
    Object.defineProperty(window, '${CANARY_FUNCTION}', { value: report, writable: false, configurable: false });
  })();`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** True when a saved record's URL is the one case `caseId` was served at (or a beacon URL naming it). */
function isCaseUrl(url: string, caseId: string): boolean {
  return url.endsWith(`/case/${caseId}`) || url.includes(`/${caseId}/`);
}

export async function launchSecurityBrowser(serverPort: number, log: AttackLog, viewport: { width: number; height: number }): Promise<SecurityBrowser> {
  const server = `127.0.0.1:${serverPort}`;
  const folio = await launchWithExtension({
    viewport,
    // The case sites, the attacker and the image host all reach the case server; no other name
    // resolves, so nothing can leave the machine. Nothing is intercepted: a request goes on as it
    // would for a user, and is logged both by Playwright and by the server.
    args: [`--host-resolver-rules=MAP *.${CASE_SITE_SUFFIX} ${server}, MAP ${ATTACKER_HOST} ${server}, MAP ${IMAGE_HOST} ${server}, MAP * ~NOTFOUND`],
  });
  const { context } = folio;
  context.on('console', (message) => {
    const text = message.text();
    if (!text.startsWith(REPORT_MARKER)) return;
    const [, caseId = '', where = '', frameUrl = ''] = text.split(' ');
    log.recordExecution({ caseId, where, frameUrl });
  });
  await context.addInitScript({ content: canaryInitScript() });
  // Playwright's request log: every request of every page and frame, whatever the resource type.
  context.on('request', (request) => {
    const url = request.url();
    if (hostOf(url) === ATTACKER_HOST) log.recordRequest({ caseId: caseIdOfUrl(url), url, seenBy: ['playwright'], resourceType: request.resourceType() });
  });

  return {
    folio,
    async findSavedId(surface, caseId) {
      const records = await surface.run((name) => new Promise<Array<{ id: string; url: string }>>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          // Metadata only (bodies live in another store): a few hundred small records.
          const request = open.result.transaction('articles').objectStore('articles').getAll();
          request.onerror = () => resolve([]);
          request.onsuccess = () => {
            resolve((request.result as Array<{ id: string; url: string }>).map(({ id, url }) => ({ id, url })));
            open.result.close();
          };
        };
      }), LIBRARY_DB_NAME);
      return records.find((record) => isCaseUrl(record.url, caseId) || isCaseUrl(record.id, caseId))?.id ?? null;
    },
    readerUrl: (id) => folio.extensionUrl(`article.html?id=${encodeURIComponent(id)}`),
    close: () => folio.close(),
  };
}
