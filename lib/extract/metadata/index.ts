import { readJsonLdArticle, type JsonLdArticle } from './json-ld';
import { indexMeta, readMeta } from './meta-tags';
import { absoluteUrl } from '../url';

/** What the page says about itself, before the body is looked at. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  siteIcon: string | null;
  publishedTime: string | null;
  lang: string | null;
  excerpt: string | null;
  image: string | null;
  canonicalUrl: string | null;
  jsonLd: JsonLdArticle | null;
}

/** ISO 8601 for any date string the page gives; null when it is not a date. */
export function toIsoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function cleanName(value: string | null): string | null {
  const cleaned = value?.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  return cleaned || null;
}

function siteIconOf(doc: Document, baseUrl: string | null): string | null {
  const link = doc.querySelector('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="shortcut icon"]');
  // A declared icon Folio cannot use (a script URL, say) falls back to the site's default one.
  const declared = absoluteUrl(link?.getAttribute('href'), baseUrl, 'image');
  if (declared) return declared;
  return baseUrl && /^https?:/.test(baseUrl) ? absoluteUrl('/favicon.ico', baseUrl, 'image') : null;
}

/**
 * Reads metadata in order of trust: the page's JSON-LD article first (it names the real publisher on
 * aggregator pages), then OpenGraph, then other meta tags, then the document itself.
 */
export function readMetadata(doc: Document, baseUrl: string | null): PageMetadata {
  const jsonLd = readJsonLdArticle(doc);
  const meta = indexMeta(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? readMeta(meta, 'og:url');
  const bylineFromMeta = readMeta(meta, 'author', 'article:author', 'parsely-author', 'dc.creator', 'sailthru.author');
  return {
    title: jsonLd?.headline ?? readMeta(meta, 'og:title', 'twitter:title', 'dc.title') ?? (doc.title.trim() || null),
    byline: cleanName(jsonLd && jsonLd.authors.length > 0 ? jsonLd.authors.join(', ') : /^https?:/.test(bylineFromMeta ?? '') ? null : bylineFromMeta),
    siteName: cleanName(jsonLd?.publisher ?? readMeta(meta, 'og:site_name', 'application-name', 'publisher')),
    siteIcon: siteIconOf(doc, baseUrl),
    publishedTime: toIsoDate(jsonLd?.datePublished ?? readMeta(meta, 'article:published_time', 'datePublished', 'pubdate', 'publish-date', 'dc.date', 'date')),
    lang: jsonLd?.inLanguage ?? (doc.documentElement?.getAttribute('lang') || readMeta(meta, 'og:locale', 'language')),
    excerpt: jsonLd?.description ?? readMeta(meta, 'og:description', 'twitter:description', 'description'),
    image: absoluteUrl(jsonLd?.image ?? readMeta(meta, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'), baseUrl, 'image'),
    canonicalUrl: absoluteUrl(canonical, baseUrl, 'link'),
    jsonLd,
  };
}
