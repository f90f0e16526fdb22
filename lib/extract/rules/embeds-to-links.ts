import type { ExtractRule, RuleContext } from './types';
import { absoluteUrl } from '../url';

/** Players whose embed address maps to a page a reader can open. */
const PLAYERS: Array<{ pattern: RegExp; label: string; pageUrl: (match: RegExpMatchArray) => string }> = [
  { pattern: /youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,})/i, label: 'Video on YouTube', pageUrl: (m) => `https://www.youtube.com/watch?v=${m[1]}` },
  { pattern: /player\.vimeo\.com\/video\/(\d+)/i, label: 'Video on Vimeo', pageUrl: (m) => `https://vimeo.com/${m[1]}` },
  { pattern: /dailymotion\.com\/embed\/video\/(\w+)/i, label: 'Video on Dailymotion', pageUrl: (m) => `https://www.dailymotion.com/video/${m[1]}` },
  { pattern: /open\.spotify\.com\/embed\/(\w+)\/(\w+)/i, label: 'Audio on Spotify', pageUrl: (m) => `https://open.spotify.com/${m[1]}/${m[2]}` },
  { pattern: /platform\.twitter\.com\/embed\/.*[?&]id=(\d+)/i, label: 'Post on X (Twitter)', pageUrl: (m) => `https://twitter.com/i/status/${m[1]}` },
];

/** Marks the paragraphs this rule writes, so later rules know them for Folio's own (the sanitizer drops data attributes). */
export const EMBED_LINK_ATTRIBUTE = 'data-folio-embed';

const EMBED_SELECTOR = 'iframe[src], iframe[data-src], embed[src], video, audio';
/**
 * Posts embedded as a quotation that the network's script would turn into a card: the page holds the
 * post's text, author and link (X/Twitter, Instagram, TikTok, Bluesky). The story quotes them, so their
 * text stays, as a plain quotation of Folio's own; the social wrapper around one (named as furniture,
 * which scoring passes over) goes with the script.
 */
const EMBEDDED_POST_CLASSES = ['twitter-tweet', 'instagram-media', 'tiktok-embed', 'bluesky-embed'];

/** The page's embedded posts: its blockquotes found by tag name (the selector engine's fast path), then their class. */
function embeddedPosts(root: Element): Element[] {
  return Array.from(root.getElementsByTagName('blockquote')).filter((quote) => EMBEDDED_POST_CLASSES.some((name) => quote.classList.contains(name)));
}

/** The outermost ancestor holding nothing but `post` (and scripts or whitespace): the embed's wrapper. */
function wrapperOf(post: Element, root: Element): Element {
  let wrapper = post;
  for (let parent = post.parentElement; parent && parent !== root; parent = parent.parentElement) {
    const holdsOnlyWrapper = Array.from(parent.childNodes).every(
      (child) => child === wrapper || (child.nodeType === 1 ? (child as Element).localName === 'script' : !(child.textContent ?? '').trim()),
    );
    if (!holdsOnlyWrapper) break;
    wrapper = parent;
  }
  return wrapper;
}

/** Embedded posts become Folio's own quotations in place of their wrappers; returns how many. */
function quoteEmbeddedPosts(root: Element, record: RuleContext['record']): number {
  let quoted = 0;
  for (const post of embeddedPosts(root)) {
    if (!(post.textContent ?? '').trim()) continue;
    const wrapper = wrapperOf(post, root);
    for (const name of post.getAttributeNames()) post.removeAttribute(name);
    post.setAttribute(EMBED_LINK_ATTRIBUTE, '');
    record?.(wrapper, 'kept as a quotation');
    if (wrapper !== post) wrapper.replaceWith(post);
    quoted++;
  }
  return quoted;
}

function describe(element: Element, baseUrl: string | null): { href: string; label: string } | null {
  const rawSrc = element.getAttribute('src') ?? element.getAttribute('data-src') ?? element.querySelector('source[src]')?.getAttribute('src');
  const src = absoluteUrl(rawSrc, baseUrl);
  if (!src || !/^https?:/i.test(src)) return null;
  const title = element.getAttribute('title')?.trim() || element.getAttribute('aria-label')?.trim();
  for (const player of PLAYERS) {
    const match = src.match(player.pattern);
    if (match) return { href: player.pageUrl(match), label: title ? `${player.label}: ${title}` : player.label };
  }
  const kind = element.tagName === 'AUDIO' ? 'Audio' : element.tagName === 'VIDEO' ? 'Video' : 'Embedded content';
  return { href: src, label: title ? `${kind}: ${title}` : `${kind} (${new URL(src).hostname})` };
}

export const embedsToLinks: ExtractRule = {
  name: 'embeds-to-links',
  phase: 'prepare',
  why: 'Folio never runs third-party players inside the reader, so videos, audio and embedded posts become plain links with their titles, and a quoted post keeps its text.',
  apply({ root, doc, baseUrl, record }) {
    let replaced = quoteEmbeddedPosts(root, record);
    for (const element of Array.from(root.querySelectorAll(EMBED_SELECTOR))) {
      if (!root.contains(element)) continue;
      const embed = describe(element, baseUrl);
      if (!embed) {
        if (element.tagName === 'IFRAME') {
          record?.(element, 'removed unplayable frame');
          element.remove();
        }
        continue;
      }
      const paragraph = doc.createElement('p');
      paragraph.setAttribute(EMBED_LINK_ATTRIBUTE, '');
      const link = doc.createElement('a');
      link.setAttribute('href', embed.href);
      link.textContent = `▶ ${embed.label}`;
      paragraph.appendChild(link);
      record?.(element, `replaced with a link to ${embed.href}:`);
      element.replaceWith(paragraph);
      replaced++;
    }
    return replaced;
  },
};
