import type { ExtractRule } from './types';
import { matchingLines } from './dom-helpers';
import { removeLine } from './element-measures';

/**
 * Words a publication line is made of, in the languages seen most: months, weekdays, "updated",
 * "posted", "published", time zones and the small words between them ("on", "at", "de", "às").
 * Month and weekday names also match by their abbreviations (any prefix of three letters or more).
 */
const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro',
  'enero', 'febrero', 'marzo', 'mayo', 'junio', 'julio', 'septiembre', 'octubre', 'noviembre', 'diciembre',
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  'januar', 'februar', 'märz', 'juni', 'juli', 'oktober', 'dezember',
  'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'januari', 'februari', 'maret', 'maart', 'mei', 'agustus', 'augustus', 'desember',
];
const WEEKDAYS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado', 'domingo', 'feira',
  'lunes', 'martes', 'miércoles', 'jueves', 'viernes',
  'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag',
  'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica',
];
const NAMED = new Set([
  // what happened to the story, and when
  'updated', 'update', 'posted', 'published', 'original', 'originally', 'first', 'last', 'modified', 'edited',
  'publicado', 'publicada', 'atualizado', 'atualizada', 'actualizado', 'postado', 'publié', 'mis', 'jour', 'modifié',
  'veröffentlicht', 'aktualisiert', 'pubblicato', 'aggiornato', 'diperbarui', 'diterbitkan',
  // relative times
  'ago', 'today', 'yesterday', 'now', 'just', 'min', 'mins', 'minute', 'minutes', 'hr', 'hrs', 'hour', 'hours', 'day', 'days', 'week', 'weeks',
  // clock and zones
  'am', 'pm', 'a', 'p', 'm', 'h', 'uhr', 'et', 'est', 'edt', 'ct', 'cst', 'cdt', 'mt', 'mst', 'mdt', 'pt', 'pst', 'pdt', 'hst', 'akst',
  'gmt', 'utc', 'bst', 'cet', 'cest', 'eet', 'eest', 'ist', 'jst', 'kst', 'aest', 'aedt', 'amt', 'wib', 'msk',
  // small words between them
  'on', 'at', 'of', 'and', 'de', 'del', 'às', 'as', 'em', 'el', 'le', 'la', 'à', 'am', 'um', 'il', 'alle', 'pada', 'o', 'st', 'nd', 'rd', 'th',
  // CJK date words
  '年', '月', '日', '時', '分', '입력', '수정', '기사입력', '최종수정', '승인', '公開日', '更新日', '投稿日', '发布时间', '更新时间',
]);

function isNameOf(word: string, names: readonly string[]): boolean {
  return names.some((name) => name === word || (word.length >= 3 && name.startsWith(word)));
}

function isDateWord(word: string): boolean {
  return NAMED.has(word) || isNameOf(word, MONTHS) || isNameOf(word, WEEKDAYS);
}

/** Something only a date or a time looks like: a year, a clock time, a day and month, "3 hours ago". */
const DATE_EVIDENCE = [
  /(?<!\d)(?:19|20)\d\d(?!\d)/,
  /(?<!\d)\d{1,2}[:h]\d\d(?!\d)/,
  /(?<!\d)\d{1,2}\.\d{2}\s*(?:[ap]\.?m\b|uhr\b)/i,
  /(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?!\d)/,
  /\b\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b/i,
  /\d\s*[年月日]/,
];
/** A month name beside a number ("Nov 19", "19 de novembro"). */
const MONTH_BESIDE_NUMBER = /(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(\p{L}{3,})|(\p{L}{3,})\.?\s+(\d{1,2})(?!\d)/u;

function hasDateEvidence(text: string): boolean {
  // Every sign of a date above holds a digit: most lines have none, and fail here at once.
  if (!/\d/.test(text)) return false;
  if (DATE_EVIDENCE.some((pattern) => pattern.test(text))) return true;
  const match = text.toLowerCase().match(MONTH_BESIDE_NUMBER);
  const word = match?.[2] ?? match?.[3];
  return word !== undefined && isNameOf(word, MONTHS);
}

/** A time of day alone heads a live blog's entry ("4:14 p.m."), which is part of the story. */
const CLOCK_TIME_ONLY = /^\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:\p{Lu}{2,4})?$/iu;

/** Lines of more words than this, beside the date, say something of their own. */
const MAX_OTHER_WORDS = 2;
/** "By Jane Doe and John Roe, Nov 19, 2019": a byline with its date, still header matter. */
const MAX_BYLINE_WORDS = 7;

/**
 * True for a line that is a date and little else: "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM",
 * "Published 1 day ago", "segunda-feira, 22 de janeiro de 2018 às 0:13", "By Jane Doe | Nov 19, 2019".
 */
export function isDateLine(text: string): boolean {
  if (!hasDateEvidence(text) || CLOCK_TIME_ONLY.test(text)) return false;
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const others = words.filter((word) => !isDateWord(word));
  if (others.length <= MAX_OTHER_WORDS && !/[.!?]\s+\p{Lu}/u.test(text)) return true;
  return words[0] === 'by' && others.length <= MAX_BYLINE_WORDS + 1 && !/[.!?]\s/.test(text.replace(/\b(?:[ap]\.m|\p{Lu})\./gu, ''));
}

/** The longest line the rule looks at: a date line is short. */
const MAX_LINE_CHARS = 140;

export const removeDateLines: ExtractRule = {
  name: 'remove-date-lines',
  phase: 'clean',
  why: 'Publication lines ("Updated Nov 19, 9:41 AM", "Posted 2 hours ago", "By Jane Doe | Nov 19") are page furniture the reader header already shows, not the story.',
  apply({ root, record, measures }) {
    let removed = 0;
    const lines = matchingLines(root, MAX_LINE_CHARS, (text, element) => isDateLine(text) && !element.closest('li, td, th, blockquote'), measures);
    for (const line of lines) {
      record?.(line, 'removed date line');
      removeLine(line, measures);
      removed++;
    }
    return removed;
  },
};
