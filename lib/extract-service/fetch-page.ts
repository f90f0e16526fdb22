import { serviceFailure, type ServiceFailure } from './types';

/**
 * Loads a page the way opening it would: with the user's cookies (credentials: 'include'; the
 * extension's host permission lifts CORS), following redirects, and only when it is a web page.
 */

export type FetchedPage = { ok: true; html: string; url: string } | ServiceFailure;

export const FETCH_TIMEOUT_MS = 20_000;

export interface FetchPageOptions {
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export async function fetchPage(url: string, { fetchImpl = fetch, signal, timeoutMs = FETCH_TIMEOUT_MS }: FetchPageOptions = {}): Promise<FetchedPage> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'include', redirect: 'follow', signal: combined });
  } catch (error) {
    if (signal?.aborted) return serviceFailure('unreachable', 'Stopped.');
    if (timeout.aborted) return serviceFailure('timeout', `The site did not answer within ${Math.round(timeoutMs / 1000)} s.`);
    return serviceFailure('unreachable', `Could not reach the site (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!response.ok) return serviceFailure('unreachable', `${`The site answered ${response.status} ${response.statusText}`.trim()}.`);
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html|xml/i.test(type)) return serviceFailure('not-html', `This is not a web page (${type.split(';')[0]}).`);
  try {
    return { ok: true, html: await response.text(), url: response.url || url };
  } catch (error) {
    return serviceFailure('unreachable', `The page stopped loading (${error instanceof Error ? error.message : String(error)}).`);
  }
}
