import type { Article } from '../extract/types';
import {
  SCHEMA_VERSION,
  SYNCED_FIELDS,
  type ArticleRecord,
  type ArticleSource,
  type ContentRecord,
  type SyncedField,
} from '../storage/schema';
import { normalizeTags } from './tags';
import { siteFromUrl } from './url-normalize';

export function allFieldsAt(time: number): Record<SyncedField, number> {
  return Object.fromEntries(SYNCED_FIELDS.map((field) => [field, time])) as Record<SyncedField, number>;
}

export function titleKey(title: string): string {
  return title.trim().toLowerCase();
}

/** Metadata the reader extracted, as stored (everything but the body). */
function articleMetadata(article: Article, url: string) {
  return {
    url,
    title: article.title.trim() || siteFromUrl(url) || url,
    byline: article.byline,
    siteName: article.siteName ?? (siteFromUrl(url) || null),
    siteIcon: article.siteIcon,
    publishedTime: article.publishedTime,
    lang: article.lang,
    dir: article.dir,
    excerpt: article.excerpt,
    leadImage: article.leadImage,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
  };
}

export interface NewRecordOptions {
  id: string;
  url: string;
  now: number;
  source?: ArticleSource;
  tags?: readonly string[];
}

export function newArticleRecord(article: Article, { id, url, now, source = 'save', tags = [] }: NewRecordOptions): ArticleRecord {
  const metadata = articleMetadata(article, url);
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    ...metadata,
    titleKey: titleKey(metadata.title),
    savedAt: now,
    tags: normalizeTags(tags),
    archived: 0,
    favourite: 0,
    read: 0,
    readAt: null,
    progress: { percent: 0, scrollY: 0 },
    contentState: 'stored',
    contentError: null,
    source,
    updatedAt: now,
    fieldUpdatedAt: allFieldsAt(now),
  };
}

/**
 * Saving an article that is already in the library refreshes its metadata and body but keeps what the
 * user did with it (tags, archive, favourite, progress, the first saved date).
 */
export function resaveArticleRecord(existing: ArticleRecord, article: Article, url: string, now: number, extraTags: readonly string[] = []): ArticleRecord {
  const metadata = articleMetadata(article, url);
  const tags = normalizeTags([...existing.tags, ...extraTags]);
  const tagsChanged = tags.length !== existing.tags.length;
  const titleChanged = metadata.title !== existing.title;
  return {
    ...existing,
    ...metadata,
    schemaVersion: SCHEMA_VERSION,
    titleKey: titleKey(metadata.title),
    tags,
    contentState: 'stored',
    contentError: null,
    updatedAt: now,
    fieldUpdatedAt: {
      ...existing.fieldUpdatedAt,
      ...(titleChanged ? { title: now } : {}),
      ...(tagsChanged ? { tags: now } : {}),
    },
  };
}

export function contentRecord(id: string, article: Pick<Article, 'content' | 'textContent'>): ContentRecord {
  return { schemaVersion: SCHEMA_VERSION, id, content: article.content, textContent: article.textContent };
}

/** A saved article as the reader shows it. */
export function recordToArticle(record: ArticleRecord, content: ContentRecord): Article {
  return {
    url: record.url,
    title: record.title,
    byline: record.byline,
    siteName: record.siteName,
    siteIcon: record.siteIcon,
    publishedTime: record.publishedTime,
    lang: record.lang,
    dir: record.dir,
    excerpt: record.excerpt,
    leadImage: record.leadImage,
    content: content.content,
    textContent: content.textContent,
    wordCount: record.wordCount,
    readingMinutes: record.readingMinutes,
  };
}
