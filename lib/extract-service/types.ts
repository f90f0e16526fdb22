import type { ExtractResult } from '../extract/types';

/**
 * Folio's extraction service: reads an article away from the page the user is on (in the background,
 * or in Chrome's offscreen document, which has the DOM a service worker lacks). It is asked for a page
 * by address (saving a link: fetched with the user's cookies, as opening it would) or for markup a
 * page already has (a page too big to read on its own thread). Markup comes from a page the user is
 * reading or saving; only the reader asks for the story's next page (`findNextPage`: its "Continue
 * reading"), a save does not.
 */
export type ExtractRequest = { source: 'url'; url: string } | { source: 'html'; html: string; url: string; findNextPage?: boolean };

/** Why the service has no extraction to give, before extraction itself could say anything. */
export type ServiceFailureReason = 'unreachable' | 'not-html' | 'timeout' | 'unavailable';

export interface ServiceFailure {
  ok: false;
  reason: ServiceFailureReason;
  detail: string;
}

/** The extraction's own result (article, or not-article/empty/too-large with a best effort), or why there is none. */
export type ServiceResult = ExtractResult | ServiceFailure;

export function serviceFailure(reason: ServiceFailureReason, detail: string): ServiceFailure {
  return { ok: false, reason, detail };
}
