import type { ExtractRule } from './types';
import { matchingLines, measuresOr, type Measures } from './dom-helpers';
import { removeLine } from './element-measures';
import { escapeRegExp } from '../../escape-regexp';

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
function nameAbove(paragraph: Element, text: string, measured: Measures): string | null {
  const above = measured.lineText(paragraph.previousElementSibling ?? paragraph).trim();
  if (above === text || !/^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}$/u.test(above)) return null;
  const first = above.split(' ')[0] ?? '';
  return new RegExp(`^(?:${escapeRegExp(above)}|${escapeRegExp(first)})\\s+${BIO_VERB}\\b`, 'u').test(text) ? above : null;
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

/** The box sits at the body's end: only its last few paragraphs are read for a writer's bio. */
const TAIL_PARAGRAPHS = 8;

/** The last paragraph long enough to be the story's own (a long bio itself does not count). */
function lastStoryParagraph(paragraphs: readonly Element[], isBio: (text: string) => boolean, measured: Measures): Element | null {
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const paragraph = paragraphs[i];
    if (paragraph && measured.lengthUpTo(paragraph, STORY_PARAGRAPH_CHARS) >= STORY_PARAGRAPH_CHARS && !isBio(measured.lineText(paragraph))) return paragraph;
  }
  return null;
}

/** Everything after `anchor` inside `root`, as the outermost elements that follow it. */
function elementsAfter(anchor: Element | null, root: Element): Element[] {
  if (!anchor) return Array.from(root.children);
  const after: Element[] = [];
  for (let node: Element | null = anchor; node && node !== root; node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) after.push(next);
  }
  return after;
}

export const removeAuthorBios: ExtractRule = {
  name: 'remove-author-bios',
  phase: 'clean',
  why: 'After the story, the author box ("About the author", the byline\'s name alone, "Jane Doe is a reporter for …") describes the writer the header already names, not the story.',
  apply({ root, metadata, record, measures }) {
    // The clean phase's measures: the line rules before this one have read most of these lines already.
    const measured = measuresOr(measures);
    const names = namesOf(metadata.byline);
    const paragraphs = Array.from(root.getElementsByTagName('p'));
    if (names.length === 0) {
      // No byline to go by: a writer's bio names its writer.
      for (const paragraph of paragraphs.slice(-TAIL_PARAGRAPHS)) {
        if (measured.lengthUpTo(paragraph, MAX_BIO_CHARS) > MAX_BIO_CHARS) continue;
        const text = measured.lineText(paragraph);
        if (text.length > MAX_BIO_CHARS) continue;
        const name = WRITER_BIO.exec(text)?.[1] ?? nameAbove(paragraph, text, measured);
        if (name) names.push(...namesOf(name));
      }
    }
    const nameLine = new Set(names.map((name) => name.toLowerCase()));
    if (names.length === 0) return 0;
    const bioStart = new RegExp(`^(?:${names.map(escapeRegExp).join('|')})(?:['’]s)?\\s+${BIO_VERB}\\b`, 'u');
    const accepts = (text: string, element: Element) =>
      (ABOUT_AUTHOR.test(text) || nameLine.has(text.toLowerCase()) || bioStart.test(text)) && !element.closest('blockquote, li, td, figure');
    // Only after the story: a name in the story's own sentences stays.
    const anchor = lastStoryParagraph(paragraphs, (text) => bioStart.test(text), measured);
    const lines: Element[] = [];
    for (const element of elementsAfter(anchor, root)) {
      if (measured.lengthUpTo(element, MAX_BIO_CHARS) <= MAX_BIO_CHARS && !measured.holdsKeptContent(element) && accepts(measured.lineText(element), element)) lines.push(element);
      else lines.push(...matchingLines(element, MAX_BIO_CHARS, accepts, measured));
    }
    // The name alone is the box's only when a bio or "About the author" is there too.
    const bios = lines.filter((line) => !nameLine.has(measured.lineText(line).toLowerCase()));
    if (bios.length === 0) return 0;
    for (const line of lines) {
      record?.(line, 'removed author bio');
      removeLine(line, measures);
    }
    return lines.length;
  },
};
