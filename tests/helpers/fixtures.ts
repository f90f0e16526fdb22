import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { extractArticle, type ExtractResult } from '@/lib/extract';
import { getSanitizerWindow, parseHtmlDocument } from '@/scripts/lib/node-dom';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const SEED_FORMS = ['modal-scroll-lock', 'hidden-paragraphs', 'json-ld-body'] as const;

export function fixturePath(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

export function readJsonFixture<T>(...parts: string[]): T {
  return JSON.parse(readFixture(...parts)) as T;
}

/** Parses fixture HTML in Node (linkedom) and extracts it with the jsdom-backed sanitizer. */
export function extractHtml(html: string, url = 'https://example.org/news/story', options: { debug?: boolean; findNextPage?: boolean; ownsDocument?: boolean } = {}): ExtractResult {
  return extractArticle(parseHtmlDocument(html, url), { url, sanitizerWindow: getSanitizerWindow(), ...options });
}

/** The paragraphs of sanitized article HTML, as text. */
export function paragraphsOf(html: string): string[] {
  const doc = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`);
  return Array.from(doc.querySelectorAll('p')).map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());
}
