/**
 * Find in article, the text part: where a query occurs in the article's text, ignoring case, accents
 * and differences in whitespace (a query typed with one space finds words split by a line break).
 * Matching runs on a folded copy of the text that has exactly its length, so every match's offsets are
 * offsets in the original text (the ones buildTextIndex and the highlights speak in).
 */
import { escapeRegExp } from '../escape-regexp';

export interface TextMatch {
  start: number;
  end: number;
}

/** Enough for any real query; a one-letter query in a book-length article stops here. */
export const MAX_MATCHES = 1000;

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE = /\s/;

/** One UTF-16 unit folded for matching, or the unit itself when folding would change the length. */
function foldUnit(unit: string): string {
  if (WHITESPACE.test(unit)) return ' ';
  const lower = unit.toLowerCase();
  if (lower.length !== 1) return unit;
  const base = lower.normalize('NFD').replace(COMBINING_MARKS, '');
  return base.length === 1 ? base : lower;
}

const ASCII_WHITESPACE = /[\t\n\v\f\r]/g;
const NON_ASCII = /[\u0080-\uffff]/g;

/** Lower-cased, accents dropped, every whitespace a plain space; same length as `text`. */
export function foldForSearch(text: string): string {
  // Whole-string lower-casing is fast; it keeps the length for all but a few letters (İ), and then
  // each unit is folded on its own. Only non-ASCII units need the slower per-unit fold.
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    let folded = '';
    for (let i = 0; i < text.length; i += 1) folded += foldUnit(text[i]!);
    return folded;
  }
  return lower.replace(ASCII_WHITESPACE, ' ').replace(NON_ASCII, (unit, at: number) => foldUnit(text[at]!));
}

/** Every non-overlapping occurrence of `query` in `text`, in order (at most `limit`). */
export function findInText(text: string, query: string, limit = MAX_MATCHES): TextMatch[] {
  const wanted = foldForSearch(query).trim().replace(/ +/g, ' ');
  if (!wanted) return [];
  // A space in the query matches any run of whitespace in the text.
  const pattern = new RegExp(wanted.split(' ').map(escapeRegExp).join(' +'), 'g');
  const matches: TextMatch[] = [];
  for (const found of foldForSearch(text).matchAll(pattern)) {
    matches.push({ start: found.index, end: found.index + found[0].length });
    if (matches.length >= limit) break;
  }
  return matches;
}

/** "3 of 12", "No matches", or nothing before a query is typed. */
export function matchCountLabel(current: number, total: number, query: string): string {
  if (!query.trim()) return '';
  if (total === 0) return 'No matches';
  const more = total >= MAX_MATCHES ? '+' : '';
  return `${current + 1} of ${total}${more}`;
}

/** The next match index going forward or back, wrapping around at either end. */
export function stepMatch(current: number, total: number, direction: 1 | -1): number {
  if (total === 0) return 0;
  return (current + direction + total) % total;
}
