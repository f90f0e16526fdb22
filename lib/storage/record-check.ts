import { SCHEMA_VERSION, type ArticleRecord, type ContentRecord } from './schema';

/**
 * Is a stored record one Folio can show? IndexedDB gives back whatever was written: a record from a
 * bug, a half-restored profile, another extension's tinkering or a failing disk may have the wrong
 * shape, no body, dates that are not numbers, or not be an object at all. Readers check each record
 * here and skip (and count) what fails, so one bad record never blanks or crashes a whole page.
 * Cheap on purpose (no parser): the library list checks every row it shows.
 */

export type UnreadableReason = 'not-an-object' | 'wrong-shape' | 'bad-date' | 'missing-content' | 'undecodable-content';

export interface UnreadableRecord {
  id: string;
  reason: UnreadableReason;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isFlag = (value: unknown) => value === 0 || value === 1;
const isText = (value: unknown) => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';
const CONTENT_STATES = new Set(['stored', 'pending', 'failed']);

/** Why an article row cannot be shown, or null when it can. */
export function articleProblem(value: unknown): UnreadableReason | null {
  if (!isObject(value)) return 'not-an-object';
  const r = value;
  if (!isTime(r.savedAt) || !isTime(r.updatedAt) || !(r.readAt === null || isTime(r.readAt))) return 'bad-date';
  if (!isObject(r.fieldUpdatedAt) || !Object.values(r.fieldUpdatedAt).every(isTime)) return 'bad-date';
  const progress = r.progress;
  const shapeOk =
    r.schemaVersion === SCHEMA_VERSION &&
    isText(r.id) && (r.id as string).length > 0 &&
    isText(r.url) && isText(r.title) && isText(r.titleKey) &&
    [r.byline, r.siteName, r.siteIcon, r.publishedTime, r.lang, r.excerpt, r.leadImage, r.contentError].every(isTextOrNull) &&
    (r.dir === null || r.dir === 'ltr' || r.dir === 'rtl') &&
    typeof r.wordCount === 'number' && Number.isFinite(r.wordCount) &&
    typeof r.readingMinutes === 'number' && Number.isFinite(r.readingMinutes) &&
    Array.isArray(r.tags) && r.tags.every(isText) &&
    isFlag(r.archived) && isFlag(r.favourite) && isFlag(r.read) &&
    isObject(progress) && typeof progress.percent === 'number' && Number.isFinite(progress.percent) && typeof progress.scrollY === 'number' &&
    CONTENT_STATES.has(r.contentState as string) &&
    isText(r.source);
  return shapeOk ? null : 'wrong-shape';
}

export function isReadableArticle(value: unknown): value is ArticleRecord {
  return articleProblem(value) === null;
}

/** Why a body cannot be shown (null: it can). `undefined` is a missing body. */
export function contentProblem(value: unknown): UnreadableReason | null {
  if (value === undefined) return 'missing-content';
  if (!isObject(value) || !isText(value.content) || !isText(value.textContent)) return 'undecodable-content';
  return null;
}

export function isReadableContent(value: unknown): value is ContentRecord {
  return contentProblem(value) === null;
}

/** The id to report a record under, whatever its shape. */
export function reportedId(value: unknown, fallback: string): string {
  return isObject(value) && typeof value.id === 'string' ? value.id : fallback;
}
