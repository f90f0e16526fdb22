import type { ExtractRule } from './types';
import { findElements, linkDensity, standsAlone } from './dom-helpers';
import { removeLine } from './element-measures';

/**
 * The blog template's line about the post rather than in it: its tags and categories ("Tags: a, b, c",
 * "Filed under: Politics |", "Posted in News"), its reading time ("5 min read", "Tempo de leitura: 2
 * minutos"), or several such fields in one line ("Publicado por: Ana - Categoria: Saúde - Tags: …").
 */

/** Labels of a post's taxonomy, as a line starts with them (the usual languages of the web). */
const TAXONOMY_LABEL =
  /^(?:tags?|tagged(?: with| as| in)?|filed (?:under|in)|posted (?:in|under)|categor(?:y|ies|ia|ias|ía|ie|ies)|kategorien?|topics?|etiquetas?|schlagw[öo]rter|mots[- ]cl[ée]s|palavras[- ]chave)\b\s*[:|»-]?/iu;
/** "Reading time: 3 minutes", "5 min read", "Lesezeit: 4 Minuten". */
const READING_TIME =
  /^(?:(?:estimated )?read(?:ing)? time|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|tempo di lettura)\s*:?\s*(?:about |~)?\d+\s*\p{L}+\.?$|^\d+\s*(?:min(?:ute)?s?|minutos?|minuten)\.?\s+(?:read|de leitura|de lectura|lesezeit|lecture)$/iu;
/** A field label inside a meta line: "Posted by:", "Categoria:", "Tags:". */
const FIELD = /(?:^|[\s|·•-])(?:posted by|published by|publicado por|publié par|written by|by|categor(?:y|ies|ia|ía|ie)|tags?|filed under|etiquetas?|section|secci[óo]n)\s*:/giu;

/** A tag line lists names, not sentences. */
const MAX_LINE_CHARS = 300;

function isSentence(text: string): boolean {
  return /\p{Ll}{3,}[.!?]\s+\p{Lu}/u.test(text);
}

/** Words of a clause: "Topics we discussed were…" is a sentence, "Topics: Brexit, Europe" is not. */
const CLAUSE_WORD = /\s(?:is|are|was|were|we|you|i|he|she|they|it|the|that|this)\s/i;
/** Share of a label-only line ("Tags a, b, c", no colon) that must be links: the tag links themselves. */
const MIN_TAG_LINK_SHARE = 0.5;

/**
 * True for a line that only describes the post: its tags, categories, reading time or post fields.
 * `linkShare` is the share of its text inside links (tag and category names link to their pages).
 */
export function isPostMetaLine(text: string, linkShare = 0): boolean {
  if (text.length > MAX_LINE_CHARS) return false;
  // The line's own tests first, the sentence test only for a line that passes one: most lines pass none.
  return looksLikePostMeta(text, linkShare) && !isSentence(text);
}

function looksLikePostMeta(text: string, linkShare: number): boolean {
  if (READING_TIME.test(text)) return true;
  const label = TAXONOMY_LABEL.exec(text);
  if (label && !CLAUSE_WORD.test(` ${text.slice(label[0].length)} `)) {
    // "Tags: a, b, c", "Filed under: X |"; without the colon ("Tags a, b") only when the names are links.
    if (/[:|»]/.test(label[0]) || linkShare >= MIN_TAG_LINK_SHARE) return true;
  }
  return (text.match(FIELD)?.length ?? 0) >= 2;
}

export const removePostMetaLines: ExtractRule = {
  name: 'remove-post-meta-lines',
  phase: 'clean',
  why: 'Blog templates print the post\'s tags, categories and reading time in the body ("Tags: a, b", "Filed under: News", "5 min read"); they describe the post, not its story.',
  apply({ root, record, measures }) {
    let removed = 0;
    // The text tests first (most short blocks fail them at once); where the line stands and its links only after.
    const accepts = (text: string, element: Element) =>
      isPostMetaLine(text, 1) && standsAlone(element) && !element.closest('li, td, th, blockquote, pre') && isPostMetaLine(text, linkDensity(element));
    for (const line of findElements(root, MAX_LINE_CHARS, accepts, undefined, measures)) {
      record?.(line, 'removed post meta line');
      removeLine(line, measures);
      removed++;
    }
    return removed;
  },
};
