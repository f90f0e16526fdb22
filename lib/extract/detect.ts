/**
 * Cheap article detection for every page load (runs in the always-injected content script: keep it
 * small and fast, no imports). It reads signals only; extraction runs later, on click.
 */
export interface DetectionSignals {
  /** Prose score in the spirit of Readability's isProbablyReaderable: long visible paragraphs. */
  prose: number;
  /** The page's JSON-LD names an article type. */
  articleJsonLd: boolean;
  /** OpenGraph says og:type=article. */
  ogArticle: boolean;
  /** Headline links and <article> cards: a listing (home page, section front, search results). */
  teasers: number;
  /** The page is its site's root path. */
  siteRoot: boolean;
}

export interface Detection {
  isArticle: boolean;
  score: number;
  signals: DetectionSignals;
}

const ARTICLE_TYPE_IN_JSON = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:\w*Article|BlogPosting|Report|LiveBlogPosting)"/;
const MIN_PARAGRAPH = 140;
const MAX_PARAGRAPHS = 600;

function isVisible(element: HTMLElement): boolean {
  return !element.hidden && element.style?.display !== 'none' && element.getAttribute('aria-hidden') !== 'true';
}

function proseScore(doc: Document): number {
  const paragraphs = doc.querySelectorAll('p, pre');
  let score = 0;
  const count = Math.min(paragraphs.length, MAX_PARAGRAPHS);
  for (let i = 0; i < count; i++) {
    const paragraph = paragraphs[i] as HTMLElement;
    const length = (paragraph.textContent ?? '').trim().length;
    if (length < MIN_PARAGRAPH || !isVisible(paragraph)) continue;
    // Teaser blurbs sit inside links or list items of a listing; story paragraphs do not.
    if (paragraph.closest('a, li, nav, footer, aside')) continue;
    score += Math.sqrt(length - MIN_PARAGRAPH);
  }
  return score;
}

function hasArticleJsonLd(doc: Document): boolean {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (ARTICLE_TYPE_IN_JSON.test(script.textContent ?? '')) return true;
  }
  return false;
}

function isSiteRoot(url: string): boolean {
  try {
    const { pathname, search } = new URL(url);
    return /^\/(?:index\.\w+)?$/.test(pathname) && !search;
  } catch {
    return false;
  }
}

export function readSignals(doc: Document, url: string): DetectionSignals {
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.toLowerCase() ?? '';
  return {
    prose: proseScore(doc),
    articleJsonLd: hasArticleJsonLd(doc),
    ogArticle: ogType === 'article' || ogType.startsWith('article'),
    teasers: doc.querySelectorAll('h2 > a, h3 > a, h4 > a, a > h2, a > h3, a > h4').length + doc.querySelectorAll('article').length,
    siteRoot: isSiteRoot(url),
  };
}

/** Weighs the signals: prose decides, structured data vouches, many teasers and a site root argue against. */
export function scoreSignals(signals: DetectionSignals): number {
  let score = signals.prose;
  if (signals.articleJsonLd) score += 12;
  if (signals.ogArticle) score += 8;
  if (signals.teasers > 6) score -= Math.min(30, (signals.teasers - 6) * 1.5);
  if (signals.siteRoot) score -= 15;
  return score;
}

export const ARTICLE_THRESHOLD = 20;

/** `url` defaults to the document's own; a private copy of a page passes the page's. */
export function detectArticle(doc: Document, url: string = doc.URL): Detection {
  const signals = readSignals(doc, url);
  const score = scoreSignals(signals);
  return { isArticle: score >= ARTICLE_THRESHOLD && signals.prose > 0, score, signals };
}
