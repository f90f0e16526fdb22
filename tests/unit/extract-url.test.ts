import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '@/lib/extract/url';

const BASE = 'https://news.example/2026/story.html';
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('absoluteUrl: page-written URLs become web addresses or nothing', () => {
  it('resolves relative and scheme-relative addresses against the page', () => {
    expect(absoluteUrl('../img/a.jpg', BASE)).toBe('https://news.example/img/a.jpg');
    expect(absoluteUrl('//cdn.example/a.jpg', BASE, 'image')).toBe('https://cdn.example/a.jpg');
    expect(absoluteUrl('  http://other.example/x  ', BASE)).toBe('http://other.example/x');
  });

  it.each([
    'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd',
    'chrome://settings', 'blob:https://news.example/1', 'about:blank', 'mailto:a@b.example',
  ])('refuses %j as a link and as an image', (value) => {
    expect(absoluteUrl(value, BASE, 'link')).toBeNull();
    expect(absoluteUrl(value, BASE, 'image')).toBeNull();
  });

  it('takes a small raster data: image as an image only, never SVG', () => {
    expect(absoluteUrl(PNG, BASE, 'image')).toBe(PNG);
    expect(absoluteUrl(PNG, BASE, 'link')).toBeNull();
    expect(absoluteUrl("data:image/svg+xml,<svg onload='alert(1)'/>", BASE, 'image')).toBeNull();
    expect(absoluteUrl(`data:image/png;base64,${'A'.repeat(40_000)}`, BASE, 'image')).toBeNull();
  });

  it('gives null for what cannot be resolved (no base, empty, malformed)', () => {
    expect(absoluteUrl('img/a.jpg', null)).toBeNull();
    expect(absoluteUrl('', BASE)).toBeNull();
    expect(absoluteUrl(null, BASE)).toBeNull();
    expect(absoluteUrl('http://[::1', BASE)).toBeNull();
  });

  it('resolves a written-out address as the base would: the same href with and without it', () => {
    const values = [
      'https://Other.Example:443/a/../b?q=1#top', 'HTTP://other.example/x y', 'http://other.example', 'https://news.example/2026/../img.png',
      // not written out with `//` after the scheme: resolved against the base, as before
      'http:relative/path', 'https:/one-slash', 'http:\\\\back.example/x', 'ht\ttp://tab.example/',
    ];
    for (const value of values) {
      let expected: string | null;
      try {
        expected = new URL(value.trim(), BASE).href;
      } catch {
        expected = null;
      }
      expect(absoluteUrl(value, BASE), value).toBe(expected);
    }
  });
});
