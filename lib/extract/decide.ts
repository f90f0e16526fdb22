import type { Detection } from './detect';
import type { PageMetadata } from './metadata';
import { squashedLength, squashedWordCount, textLength as textLengthOf } from './rules/dom-helpers';

/** What the body Readability chose looks like: how much prose, and how much of it is links. */
export interface BodyShape {
  /** Words in the whole body. */
  words: number;
  /** Characters in paragraphs of at least PROSE_PARAGRAPH characters that are not mostly links. */
  proseChars: number;
  /** Share of the body's text inside links. */
  linkDensity: number;
  /** The body is an <article> element, holds one, or sits inside one. */
  inArticleElement: boolean;
}

const PROSE_PARAGRAPH = 80;

export function measureBody(body: Element): BodyShape {
  const text = body.textContent ?? '';
  const textLength = squashedLength(text);
  let linked = 0;
  for (const link of Array.from(body.getElementsByTagName('a'))) linked += textLengthOf(link);
  let proseChars = 0;
  for (const block of Array.from(body.querySelectorAll('p, pre, blockquote, li, dd, td'))) {
    if (block.querySelector('p, pre, li, td')) continue;
    const length = textLengthOf(block);
    if (length < PROSE_PARAGRAPH) continue;
    let blockLinked = 0;
    for (const link of Array.from(block.getElementsByTagName('a'))) blockLinked += textLengthOf(link);
    if (blockLinked / length < 0.5) proseChars += length;
  }
  return {
    words: squashedWordCount(text),
    proseChars,
    linkDensity: textLength ? linked / textLength : 0,
    inArticleElement: body.closest('article') !== null || body.querySelector('article') !== null,
  };
}

export interface Decision {
  isArticle: boolean;
  /** Which signal decided, for the debug view. */
  because: string;
}

/** The share of a body's text in prose paragraphs above which it reads as a story, not a list. */
const MIN_PROSE_SHARE = 0.5;
const MAX_LINK_DENSITY = 0.15;
/** A short post in the page's one <article> still needs this many words to be read as one. */
const MIN_MARKED_ARTICLE_WORDS = 120;
/** Headline links beyond the detector's allowance (see scoreSignals) make a page a listing, whatever its markup. */
const MAX_HEADLINE_LINKS = 6;

/**
 * The extraction's article/not-article decision. It sees more than the in-page detector: the body
 * Readability chose. A page whose OpenGraph type says article is one when that body is mostly prose
 * paragraphs with few links, even if the page around it is crowded with teasers (the detector's
 * headline-link penalty) or its story is short; so is a page whose one <article> element is the body
 * (a short post of lists scores little prose). A site root or product/list markup still says no.
 * In two steps, as the body is sanitized between them (which empties it): called with the body, it
 * measures what it needs of it, only when the detector and the page's JSON-LD leave the question open
 * (they settle nearly every page); the function it returns decides once the body's text length is known.
 */
export function decisionFor(detection: Detection, metadata: PageMetadata, body: Element): (textLength: number) => Decision {
  if (detection.isArticle) return settled({ isArticle: true, because: `detector score ${detection.score.toFixed(1)}` });
  if (metadata.jsonLd && !detection.signals.nonArticleMarkup) return settled({ isArticle: true, because: 'the page\'s JSON-LD names an article' });
  const shape = measureBody(body);
  return (textLength) => decideByShape(detection, shape, textLength);
}

function settled(decision: Decision): () => Decision {
  return () => decision;
}

function decideByShape(detection: Detection, shape: BodyShape, textLength: number): Decision {
  const { signals } = detection;
  const proseShare = textLength ? shape.proseChars / textLength : 0;
  if (signals.ogArticle && !signals.siteRoot && !signals.nonArticleMarkup && proseShare >= MIN_PROSE_SHARE && shape.linkDensity < MAX_LINK_DENSITY) {
    return { isArticle: true, because: `og:type article and a prose body (${Math.round(proseShare * 100)}% prose, ${Math.round(shape.linkDensity * 100)}% links)` };
  }
  // The page marks exactly one <article> (a listing marks each card) and the body is it: a short post with lists.
  const headlineLinks = signals.teasers - signals.articleElements;
  if (signals.articleElements === 1 && shape.inArticleElement && headlineLinks <= MAX_HEADLINE_LINKS && !signals.siteRoot && !signals.nonArticleMarkup && shape.words >= MIN_MARKED_ARTICLE_WORDS && shape.linkDensity < MAX_LINK_DENSITY) {
    return { isArticle: true, because: `the page's one <article> element holds the body (${shape.words} words, ${Math.round(shape.linkDensity * 100)}% links)` };
  }
  return { isArticle: false, because: `detector score ${detection.score.toFixed(1)}, ${Math.round(proseShare * 100)}% prose, ${Math.round(shape.linkDensity * 100)}% links` };
}
