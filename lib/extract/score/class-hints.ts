/**
 * What an element's class and id say about it, for the body chooser (choose-body.ts). The words are the
 * ones page templates use for their regions; they are matched anywhere in `class id`, as template names
 * are compounds ("post-content", "sidebarWidget"). Generic: no word names a site.
 */

function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.join('|'), 'i');
}

/** Regions that are never the story (a modal is a dialog over the page): skipped while scoring, unless a story word is in the name too. */
const UNLIKELY = anyOf([
  '-ad-', 'ad-break', 'agegate', 'ai2html', 'banner', 'breadcrumb', 'combx', 'comment', 'community', 'cover-wrap',
  'disqus', 'extra', 'footer', 'gdpr', 'header', 'legends', 'menu', 'related', 'remark', 'replies', 'rss',
  'shoutbox', 'sidebar', 'skyscraper', 'social', 'sponsor', 'supplemental', 'pagination', 'pager', 'popup', 'modal',
]);
const STORY_WORD = anyOf(['and', 'article', 'body', 'column', 'content', 'main', 'shadow']);

/** Names that raise or lower a container's score. */
const POSITIVE = anyOf(['article', 'body', 'content', 'entry', 'hentry', 'h-entry', 'main', 'page', 'post', 'text', 'blog', 'story']);
const NEGATIVE = anyOf([
  '-ad-', 'hidden', '\\bhid\\b', 'banner', 'combx', 'comment', 'com-', 'contact', 'footer', 'gdpr', 'masthead', 'media',
  'meta', 'outbrain', 'promo', 'related', 'scroll', 'share', 'shoutbox', 'sidebar', 'skyscraper', 'sponsor',
  'shopping', 'tags', 'widget',
]);

/** Where the page names its author line. */
const BYLINE = anyOf(['byline', 'author', 'dateline', 'writtenby', 'p-author']);
/** Where the page names the story's standfirst (the summary under the headline, often a `<div>` of bare text). */
const STANDFIRST = anyOf(['standfirst', 'perex', 'lede', 'article-dek', 'subheadline', 'article-summary', 'article__summary']);

/** Share bars: whole words only, so "shared-story" is not one. */
const SHARE = /(?:^|[\s_-])(?:share|sharedaddy)(?:$|[\s_-])/i;

/** How much a name hint moves a score: enough to outweigh a few paragraphs, not a whole story. */
const HINT_WEIGHT = 25;

export function hintName(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

export function isUnlikelyByName(name: string): boolean {
  return UNLIKELY.test(name) && !STORY_WORD.test(name);
}

export function classWeight(element: Element): number {
  const className = element.getAttribute('class') ?? '';
  const id = element.getAttribute('id') ?? '';
  let weight = 0;
  if (className) weight += (NEGATIVE.test(className) ? -HINT_WEIGHT : 0) + (POSITIVE.test(className) ? HINT_WEIGHT : 0);
  if (id) weight += (NEGATIVE.test(id) ? -HINT_WEIGHT : 0) + (POSITIVE.test(id) ? HINT_WEIGHT : 0);
  return weight;
}

export function isBylineByName(element: Element, name: string): boolean {
  const rel = element.getAttribute('rel');
  const itemprop = element.getAttribute('itemprop') ?? '';
  return rel === 'author' || itemprop.includes('author') || BYLINE.test(name);
}

export function isStandfirstByName(name: string): boolean {
  return STANDFIRST.test(name);
}

export function isShareByName(name: string): boolean {
  return SHARE.test(name);
}
