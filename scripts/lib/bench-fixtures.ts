/**
 * The hand-made non-article pages (tests/fixtures/non-articles/<kind>--<slug>.html). Each names its own
 * address in `<link rel="canonical">`, which stands in for the tab's URL when the page is parsed in Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NON_ARTICLE_DIR = 'tests/fixtures/non-articles';

export interface NonArticleFixture {
  file: string;
  /** What kind of page it mimics: the file name before `--` (home, search, forum, …). */
  kind: string;
  url: string;
  html: string;
}

const CANONICAL = /<link\s+rel=["']canonical["']\s+href=["']([^"']+)["']/i;

/** The page's canonical address with HTML entities in it decoded (`&amp;` in query strings). */
export function canonicalUrl(html: string): string | null {
  const href = CANONICAL.exec(html)?.[1];
  return href ? href.replace(/&amp;/g, '&') : null;
}

export function loadNonArticleFixtures(dir = NON_ARTICLE_DIR): NonArticleFixture[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(join(dir, file), 'utf8');
      return { file, kind: file.split('--')[0] ?? file, url: canonicalUrl(html) ?? '', html };
    });
}
