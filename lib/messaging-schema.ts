import { z } from 'zod';
import type { ProtocolMap } from './messaging';
import type { SafeHtml } from './sanitize';

// Extension pages and the service worker forbid eval, which zod's JIT would use.
z.config({ jitless: true });

type DataOf<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];

const nullableText = z.string().nullable();
/** An extracted article as the overlay sends it for saving (content was sanitized in the page). */
export const articleSchema = z.strictObject({
  url: nullableText,
  title: z.string(),
  byline: nullableText,
  siteName: nullableText,
  siteIcon: nullableText,
  publishedTime: nullableText,
  lang: nullableText,
  dir: z.enum(['ltr', 'rtl']).nullable(),
  excerpt: nullableText,
  leadImage: nullableText,
  content: z.string().transform((html) => html as SafeHtml),
  textContent: z.string(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().nonnegative(),
});

/** A page's markup, as big as a message may carry (Chrome refuses messages over 64 MiB). */
const pageHtml = z.string().max(32 * 1024 * 1024);
/** A page the service may fetch: only the web (never file:, data: or an extension's own pages). */
const webUrl = z.string().url().refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) address');

/**
 * What each message's data must look like. Keyed by the ProtocolMap, so a new message without a
 * schema fails the type check. Strict objects: an extra field means a sender we do not know.
 */
export const MESSAGE_SCHEMAS: { [K in keyof ProtocolMap]: z.ZodType<DataOf<K>> } = {
  reportDetection: z.strictObject({ isArticle: z.boolean(), score: z.number().finite() }),
  openReader: z.undefined(),
  openLibrary: z.undefined(),
  loadReaderPart: z.strictObject({ part: z.enum(['extract', 'overlay']) }),
  saveArticle: z.strictObject({ article: articleSchema, pageUrl: z.string().url() }),
  getSavedState: z.strictObject({ pageUrl: z.string(), canonicalUrl: nullableText }),
  openSavedArticle: z.strictObject({ id: z.string().min(1) }),
  listHighlights: z.strictObject({ articleId: z.string().min(1) }),
  putHighlight: z.strictObject({
    id: z.string().min(1),
    articleId: z.string().min(1),
    selector: z.strictObject({ exact: z.string().min(1), prefix: z.string(), suffix: z.string() }),
    position: z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }),
    color: z.string().max(32),
    note: z.string().max(20_000),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
  deleteHighlight: z.strictObject({ id: z.string().min(1) }),
  extractPageHtml: z.strictObject({ html: pageHtml, url: z.string().url(), findNextPage: z.boolean().optional() }),
  extractInOffscreen: z.discriminatedUnion('source', [
    z.strictObject({ source: z.literal('url'), url: webUrl }),
    z.strictObject({ source: z.literal('html'), html: pageHtml, url: z.string().url(), findNextPage: z.boolean().optional() }),
  ]),
};

export type MessageType = keyof ProtocolMap;

export function isKnownMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(MESSAGE_SCHEMAS, type);
}

export type MessageCheck<K extends MessageType> = { ok: true; data: DataOf<K> } | { ok: false; problem: string };

/** Checks one message's data against its schema; never throws. */
export function checkMessageData<K extends MessageType>(type: K, data: unknown): MessageCheck<K> {
  const parsed = MESSAGE_SCHEMAS[type].safeParse(data);
  if (parsed.success) return { ok: true, data: parsed.data as DataOf<K> };
  return { ok: false, problem: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`).join('; ') };
}

/** A received message as @webext-core/messaging hands it to a handler. */
interface Received<K extends MessageType, S> {
  data: DataOf<K>;
  sender: S;
}

/**
 * Wraps a background handler so it only ever sees valid data: a malformed message is refused (the
 * sender's promise rejects), logged with console.warn, and the handler is not called.
 */
export function validated<K extends MessageType, S, R>(type: K, handler: (message: Received<K, S>) => R): (message: Received<K, S>) => R | Promise<never> {
  return (message) => {
    const check = checkMessageData(type, message.data as unknown);
    if (!check.ok) {
      console.warn(`Folio: refused a malformed "${type}" message: ${check.problem}`);
      // A rejected promise, not a throw: the messaging library answers the sender with it.
      return Promise.reject(new Error(`Folio refused a malformed "${type}" message`));
    }
    return handler({ ...message, data: check.data });
  };
}

/**
 * Logs messages of a type Folio does not have (the messaging library drops them silently). Returns
 * nothing, so it never answers for, or delays, another listener.
 */
export function warnOnUnknownMessage(message: unknown): void {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (!isKnownMessageType(type)) console.warn('Folio: refused a message of unknown type', typeof type === 'string' ? type : typeof message);
}
