import type { Article } from '../extract/types';
import type { ServiceResult } from '../extract-service/types';
import { downloadResultOf } from './download-result';
import type { SaveArticleResult } from './messages';
import type { SaveNoticeState } from './save-notice';
import { normalizeUrl } from './url-normalize';

/**
 * "Save link to Folio": read the linked page as opening it would (fetched with the user's cookies,
 * extracted away from any page) and save the article, saying how it goes. When Folio may not read
 * other sites, or the page cannot be read, the link itself is still saved (a save is never lost) and
 * the notice says plainly that only the link was kept and why; the article downloads when it is opened.
 */

export interface SaveLinkProgress {
  state: SaveNoticeState;
  text: string;
}

export interface SaveLinkDeps {
  /** Whether Folio may read the link's site (asked for when the menu was clicked). */
  permitted: Promise<boolean>;
  extract(url: string): Promise<ServiceResult>;
  saveArticle(article: Article, pageUrl: string): Promise<SaveArticleResult>;
  /** Keeps the link alone, marking why its article is missing when a download was tried and failed. */
  saveLinkOnly(url: string, title: string | null, failure: string | null): Promise<{ ok: true } | { ok: false; message: string }>;
  report(progress: SaveLinkProgress): Promise<void> | void;
}

export type SaveLinkOutcome = 'saved' | 'link-only' | 'failed';

export async function saveLink(rawUrl: string, linkText: string | undefined, deps: SaveLinkDeps): Promise<SaveLinkOutcome> {
  const normalized = normalizeUrl(rawUrl);
  if (!normalized.ok) {
    await deps.report({ state: 'error', text: `Folio can't save this link: ${normalized.detail}` });
    return 'failed';
  }
  const url = normalized.url;
  const title = linkText?.trim() || null;
  const keepLinkOnly = async (failure: string | null, why: string): Promise<SaveLinkOutcome> => {
    const kept = await deps.saveLinkOnly(url, title, failure);
    if (!kept.ok) {
      await deps.report({ state: 'error', text: `Folio could not save this link: ${kept.message}` });
      return 'failed';
    }
    await deps.report({ state: 'error', text: `Saved the link only: ${why} Its article downloads when you open it in Folio.` });
    return 'link-only';
  };

  if (!(await deps.permitted)) return keepLinkOnly(null, 'Folio has no permission to read other sites.');
  await deps.report({ state: 'working', text: `Saving to Folio: reading ${new URL(url).host}…` });
  const download = downloadResultOf(await deps.extract(url));
  if (!download.ok) return keepLinkOnly(download.detail, `Folio could not read the page. ${download.detail}`);
  const saved = await deps.saveArticle(download.article, url);
  if (!saved.ok) {
    await deps.report({ state: 'error', text: `Folio could not save this link: ${saved.error.message}` });
    return 'failed';
  }
  const name = download.article.title || url;
  await deps.report({ state: 'done', text: saved.created ? `Saved to Folio ✓ ${name}` : `Already in Folio: updated ✓ ${name}` });
  return 'saved';
}
