import { describe, expect, it } from 'vitest';
import { articleKey, normalizeUrl } from '../../lib/library/url-normalize';

const norm = (raw: string) => {
  const result = normalizeUrl(raw);
  return result.ok ? result.url : `!${result.reason}`;
};

describe('normalizeUrl', () => {
  it('drops tracking parameters, fragments and default ports and lower-cases the host', () => {
    expect(norm('HTTPS://Example.COM:443/Path/Page?utm_source=x&utm_medium=y&id=7&fbclid=abc#comments')).toBe(
      'https://example.com/Path/Page?id=7',
    );
    expect(norm('http://example.com:80/a?gclid=1&mc_eid=2&mc_cid=3')).toBe('http://example.com/a');
    expect(norm('https://example.com/a?b=2&a=1')).toBe('https://example.com/a?b=2&a=1');
  });

  it('keeps non-default ports and meaningful parameters untouched', () => {
    expect(norm('https://example.com:8443/a?q=hello%20world&page=2')).toBe('https://example.com:8443/a?q=hello%20world&page=2');
  });

  it('drops credentials and a trailing dot in the host', () => {
    expect(norm('https://user:pw@example.com./x')).toBe('https://example.com/x');
  });

  it('refuses what cannot be saved', () => {
    expect(norm('not a url')).toBe('!invalid');
    expect(norm('javascript:alert(1)')).toBe('!unsupported-scheme');
    expect(norm('file:///tmp/a.html')).toBe('!unsupported-scheme');
  });

  it('gives the same key to the same article reached two ways', () => {
    expect(norm('https://example.com/post?utm_campaign=news#top')).toBe(norm('https://EXAMPLE.com/post'));
  });
});

describe('articleKey', () => {
  it('prefers the canonical URL, resolving a relative one', () => {
    const key = articleKey('https://m.example.com/post?utm_source=t', '/post-canonical');
    expect(key).toEqual({ ok: true, url: 'https://m.example.com/post-canonical' });
    expect(articleKey('https://m.example.com/p', 'https://example.com/p?utm_medium=x')).toEqual({ ok: true, url: 'https://example.com/p' });
  });

  it('ignores a canonical that points at the home page from a deeper page, or is unusable', () => {
    expect(articleKey('https://example.com/deep/post', 'https://example.com/')).toEqual({ ok: true, url: 'https://example.com/deep/post' });
    expect(articleKey('https://example.com/post', 'javascript:void(0)')).toEqual({ ok: true, url: 'https://example.com/post' });
  });
});
