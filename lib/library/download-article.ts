import { extractArticle } from '../extract';
import type { Article } from '../extract/types';

/**
 * Fetches a saved link or imported article and extracts it the way the reader would, in an extension
 * page (it needs a DOM, and host permission for the page's origin so the fetch is not blocked by CORS).
 */

export type DownloadResult = { ok: true; article: Article } | { ok: false; detail: string };

const TIMEOUT_MS = 20_000;

export async function downloadArticle(url: string, { fetchImpl = fetch, signal }: { fetchImpl?: typeof fetch; signal?: AbortSignal } = {}): Promise<DownloadResult> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'include', redirect: 'follow', signal: combined });
  } catch (error) {
    if (signal?.aborted) return { ok: false, detail: 'Stopped.' };
    if (timeout.aborted) return { ok: false, detail: `The site did not answer within ${TIMEOUT_MS / 1000} s.` };
    return { ok: false, detail: `Could not reach the site (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (!response.ok) return { ok: false, detail: `The site answered ${response.status} ${response.statusText}`.trim() + '.' };
  const type = response.headers.get('content-type') ?? '';
  if (type && !/html|xml/i.test(type)) return { ok: false, detail: `This is not a web page (${type.split(';')[0]}).` };
  const html = await response.text();
  const document = new DOMParser().parseFromString(html, 'text/html');
  const result = extractArticle(document, { url: response.url || url });
  const article = result.ok ? result.article : result.bestEffort;
  if (!article) return { ok: false, detail: result.ok ? 'No article found.' : `Folio found no article on this page (${result.detail}).` };
  return { ok: true, article };
}
