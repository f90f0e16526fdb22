import type { ExtractRule } from './types';
import { lineText, matchingLines, textLength } from './dom-helpers';

/**
 * The author box under a story: the writer's name on a line of its own, "About the author", and a
 * sentence or two about them ("Jane Doe is a reporter for …", "Jane joined the paper in 2017."). The
 * overlay's header already names the writer; the box describes them, not the story.
 */

/** A bio is a few sentences. */
const MAX_BIO_CHARS = 400;
/** A story paragraph: the box comes after the last one. */
const STORY_PARAGRAPH_CHARS = 250;
const ABOUT_AUTHOR = /^about (?:the )?(?:author|writer|reporter|contributor)s?:?$/i;
/** What a bio says right after the name. */
const BIO_VERB = '(?:is|was|has|had|joined|covers|writes|reports|lives|holds|serves|works|loves|teaches|edits|hosts|graduated|spent|previously)';

/** Without a byline: "Jane Doe is a reporter for …", the way newsrooms describe their writers. */
const WRITER_BIO = /^(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,3}) (?:is|was) (?:an?|the) (?:[\p{L}-]+ ){0,4}(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|producer|blogger)\b/u;

/** A name (two to four capitalised words) on the line right above a sentence that starts with it or its first word and a bio's verb. */
function nameAbove(paragraph: Element, text: string): string | null {
  const above = lineText(paragraph.previousElementSibling ?? paragraph).trim();
  if (above === text || !/^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}$/u.test(above)) return null;
  const first = above.split(' ')[0] ?? '';
  return new RegExp(`^(?:${escape(above)}|${escape(first)})\\s+${BIO_VERB}\\b`, 'u').test(text) ? above : null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The writers' names as a bio may start with them: in full, first name, last name. */
function namesOf(byline: string | null): string[] {
  if (!byline) return [];
  const names = new Set<string>();
  for (const part of byline.replace(/^by\s+/i, '').split(/\s*(?:,|&|\band\b|\|)\s*/i)) {
    const name = part.trim();
    const words = name.split(/\s+/);
    if (words.length === 0 || words.length > 4 || !/^\p{Lu}/u.test(name)) continue;
    names.add(name);
    const first = words[0] ?? '';
    const last = words[words.length - 1] ?? '';
    if (words.length > 1) {
      if (first.length >= 3) names.add(first);
      if (last.length >= 3) names.add(last);
    }
  }
  return [...names];
}

/** The last paragraph long enough to be the story's own. */
function lastStoryParagraph(root: Element, skip: readonly Element[]): Element | null {
  const paragraphs = Array.from(root.getElementsByTagName('p'));
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const paragraph = paragraphs[i];
    if (paragraph && textLength(paragraph) >= STORY_PARAGRAPH_CHARS && !skip.some((line) => line.contains(paragraph))) return paragraph;
  }
  return null;
}

/** Elements of the body in document order (linkedom's compareDocumentPosition answers the other way round from browsers). */
function documentOrder(root: Element): Map<Element, number> {
  const order = new Map<Element, number>();
  let index = 0;
  for (const element of Array.from(root.querySelectorAll('*'))) order.set(element, index++);
  return order;
}

export const removeAuthorBios: ExtractRule = {
  name: 'remove-author-bios',
  phase: 'clean',
  why: 'After the story, the author box ("About the author", the byline\'s name alone, "Jane Doe is a reporter for …") describes the writer the header already names, not the story.',
  apply({ root, metadata, record }) {
    const names = namesOf(metadata.byline);
    if (names.length === 0) {
      // No byline to go by: a writer's bio names its writer.
      for (const paragraph of Array.from(root.getElementsByTagName('p'))) {
        const text = lineText(paragraph);
        if (text.length > MAX_BIO_CHARS) continue;
        const name = WRITER_BIO.exec(text)?.[1] ?? nameAbove(paragraph, text);
        if (name) names.push(...namesOf(name));
      }
    }
    const nameLine = new Set(names.map((name) => name.toLowerCase()));
    const bioStart = names.length ? new RegExp(`^(?:${names.map(escape).join('|')})(?:['’]s)?\\s+${BIO_VERB}\\b`, 'u') : null;
    const candidates = matchingLines(root, MAX_BIO_CHARS, (text, element) => {
      if (element.closest('blockquote, li, td, figure')) return false;
      if (ABOUT_AUTHOR.test(text)) return true;
      if (!bioStart) return false;
      return nameLine.has(text.toLowerCase()) || bioStart.test(text);
    });
    if (candidates.length === 0) return 0;
    // Only after the story: a name in the story's own sentences stays.
    const anchor = lastStoryParagraph(root, candidates);
    const order = documentOrder(root);
    const after = anchor ? (order.get(anchor) ?? 0) + anchor.querySelectorAll('*').length : -1;
    const lines = candidates.filter((line) => (order.get(line) ?? -1) > after);
    // The name alone is the box's only when a bio or "About the author" is there too.
    const bios = lines.filter((line) => !nameLine.has(lineText(line).toLowerCase()));
    if (bios.length === 0) return 0;
    for (const line of lines) {
      record?.(line, 'removed author bio');
      line.remove();
    }
    return lines.length;
  },
};
