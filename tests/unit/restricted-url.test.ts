import { describe, expect, it } from 'vitest';
import { isRestrictedUrl } from '@/lib/reader/restricted-url';

describe('pages where an extension cannot run', () => {
  it.each([
    'chrome://settings',
    'about:addons',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/category/extensions',
    'https://addons.mozilla.org/en-US/firefox/',
    'https://example.org/report.pdf',
    'view-source:https://example.org',
    undefined,
  ])('%s is restricted', (url) => expect(isRestrictedUrl(url)).toBe(true));

  it.each(['https://www.inkl.com/news/story', 'http://127.0.0.1:8080/article.html', 'file:///home/me/page.html'])('%s is not', (url) =>
    expect(isRestrictedUrl(url)).toBe(false),
  );
});
