import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Article } from '../../lib/extract/types';
import type { SafeHtml } from '../../lib/sanitize';
import { LibraryDb } from '../../lib/storage/db';

let counter = 0;

/** A fresh, empty library database with a unique name (fake-indexeddb keeps databases per process). */
export function uniqueDbName(): string {
  counter += 1;
  return `folio-test-${counter}-${Math.random().toString(36).slice(2)}`;
}

export function freshDb(): LibraryDb {
  return new LibraryDb(uniqueDbName(), { indexedDB, IDBKeyRange });
}

export function makeArticle(overrides: Partial<Article> = {}): Article {
  const text = overrides.textContent ?? 'The quick brown fox jumps over the lazy dog.';
  return {
    url: 'https://example.com/post',
    title: 'A post',
    byline: 'Ada',
    siteName: 'Example',
    siteIcon: null,
    publishedTime: '2025-01-02T00:00:00Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'An excerpt.',
    leadImage: null,
    content: `<p>${text}</p>` as SafeHtml,
    textContent: text,
    wordCount: text.split(/\s+/).length,
    readingMinutes: 1,
    ...overrides,
  };
}
