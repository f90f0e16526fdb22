import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ATTACKER_HOST } from '../corpus/canary';
import type { HostileCase } from '../corpus/types';
import { caseIdOfUrl, type AttackLog } from './attack-log';

/**
 * Each case is served on a site of its own, `<case id>.cases.test`, which the browser resolves to this
 * server. A new site means a new renderer process, as when a person opens a page from another site:
 * Folio's content-script world is then created on a page whose DOM is already there, the condition
 * under which page DOM clobbering reaches the extension API (after a same-site navigation Chromium
 * creates the world early, before the page's elements exist, and would hide such bugs). It also keeps
 * a case that freezes its tab from stalling the lanes beside it.
 */
export const CASE_SITE_SUFFIX = 'cases.test';

export interface CaseServer {
  port: number;
  urlOf(hostile: HostileCase): string;
  close(): Promise<void>;
}

/**
 * Serves each case from 127.0.0.1 at `/case/<id>` on any `*.cases.test` host. The browser also
 * resolves the attacker's and the image host to this server, so every request to the attacker lands
 * here and is logged, including those Playwright's request log does not list (speculative prefetch,
 * pings, attribution reports); the articles' own images are answered 404 (offline, they fail).
 */
export async function startCaseServer(corpus: readonly HostileCase[], log: AttackLog): Promise<CaseServer> {
  const byId = new Map(corpus.map((c) => [c.id, c]));
  const server: Server = createServer((request, response) => {
    const host = (request.headers.host ?? '').split(':')[0] ?? '';
    const path = request.url ?? '/';
    if (host === ATTACKER_HOST) {
      log.recordRequest({ caseId: caseIdOfUrl(path), url: `http://${host}${path}`, seenBy: ['server'], resourceType: 'unknown' });
      response.writeHead(204).end();
      return;
    }
    const hostile = path.startsWith('/case/') ? byId.get(path.slice('/case/'.length)) : undefined;
    if (!hostile) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(hostile.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    urlOf: (hostile) => `http://${hostile.id}.${CASE_SITE_SUFFIX}/case/${hostile.id}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
