// First: pins the real extension API before anything reads `chrome` / `browser` (pages can clobber them).
import '@/lib/content/extension-api-guard';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticle } from '@/lib/extract';

export interface PageSummary {
  isArticle: boolean;
  title: string;
  siteName: string | null;
  readingMinutes: number | null;
  canonicalUrl: string | null;
}

/** For the popup: what the current page is (title, site, reading time), read without changing the page. */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  main(): PageSummary {
    const result = extractArticle(document, { url: location.href });
    const article = result.ok ? result.article : result.bestEffort;
    return {
      isArticle: result.ok,
      title: article?.title ?? document.title,
      siteName: article?.siteName ?? null,
      readingMinutes: article?.readingMinutes ?? null,
      canonicalUrl: article?.url ?? null,
    };
  },
});
