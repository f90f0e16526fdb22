import type { ExtractRule } from './types';
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
  why: 'Folio never runs third-party players inside the reader, so videos, audio and embedded posts become plain links with their titles.',
  apply({ root, doc, baseUrl, record }) {
    let replaced = 0;
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
