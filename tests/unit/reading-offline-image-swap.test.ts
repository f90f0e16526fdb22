import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { showCachedImages } from '@/lib/reading/offline-image-swap';
import { sanitizeArticleHtml } from '@/lib/sanitize';

const blob = (name: string) => new Blob([name], { type: 'image/png' });

/** The article as the reader page has it: sanitized, then in the DOM. */
function rendered(html: string) {
  const sanitizer = new JSDOM('').window as unknown as Window;
  const { window } = new JSDOM(`<!doctype html><article>${sanitizeArticleHtml(html, sanitizer)}</article>`);
  return window.document.querySelector('article')!;
}

describe('showing cached images in the rendered article', () => {
  it('swaps src for an object URL of the cached bytes, one URL per cached image, and leaves the rest alone', () => {
    const article = rendered('<p><img src="https://a.example/1.png" alt="one"><img src="https://a.example/1.png" alt="again"><img src="https://a.example/2.png" alt="not cached"></p>');
    let made = 0;
    const urls = showCachedImages(article, new Map([['https://a.example/1.png', blob('1')]]), () => `blob:folio/${++made}`);
    expect(urls).toEqual(['blob:folio/1']);
    expect([...article.querySelectorAll('img')].map((image) => image.getAttribute('src'))).toEqual(['blob:folio/1', 'blob:folio/1', 'https://a.example/2.png']);
  });

  it('picks the cached srcset candidate and removes what would make the browser choose another (srcset, sizes, <source>)', () => {
    const article = rendered(
      '<picture><source srcset="https://a.example/x.avif 800w" type="image/avif"><img src="https://a.example/small.jpg" srcset="https://a.example/s.jpg 400w, https://a.example/l.jpg 1200w" sizes="100vw" alt=""></picture>',
    );
    showCachedImages(article, new Map([['https://a.example/l.jpg', blob('l')]]), () => 'blob:folio/l');
    const image = article.querySelector('img')!;
    expect(image.getAttribute('src')).toBe('blob:folio/l');
    expect(image.hasAttribute('srcset') || image.hasAttribute('sizes')).toBe(false);
    expect(article.querySelector('source')).toBeNull();
  });

  it('does nothing twice: an image already showing its bytes is not swapped again', () => {
    const article = rendered('<img src="https://a.example/1.png" alt="">');
    const cached = new Map([['https://a.example/1.png', blob('1')]]);
    expect(showCachedImages(article, cached, () => 'blob:folio/1')).toHaveLength(1);
    expect(showCachedImages(article, cached, () => 'blob:folio/2')).toHaveLength(0);
  });
});
