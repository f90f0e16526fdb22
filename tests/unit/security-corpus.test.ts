import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { corpusSizeByFamily, hostileCorpus } from '../security/corpus';

/** The hostile corpus is well formed: enough distinct cases, usable ids, each a real article page. */
describe('hostile corpus', () => {
  it('holds at least 200 distinct inputs with unique, canary-safe ids', () => {
    expect(hostileCorpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(hostileCorpus.map((c) => c.id)).size).toBe(hostileCorpus.length);
    expect(new Set(hostileCorpus.map((c) => c.html)).size).toBe(hostileCorpus.length);
    for (const item of hostileCorpus) expect(item.id).toMatch(/^[a-z0-9-]+$/);
  });

  it('covers every family the security issue names', () => {
    expect(Object.keys(corpusSizeByFamily()).sort()).toEqual([
      'css-beacon', 'document-control', 'dom-clobbering', 'dompurify-history', 'embedding', 'event-handler',
      'metadata', 'mutation-xss', 'namespace', 'script', 'url-scheme',
    ]);
  });

  it('wraps every payload in an article page with a headline and paragraphs before the payload', () => {
    const parser = new new JSDOM('').window.DOMParser();
    for (const item of hostileCorpus) {
      const doc = parser.parseFromString(item.html, 'text/html');
      expect(doc.querySelector('article h1')?.textContent, item.id).toBeTruthy();
      // Three paragraphs and the byline precede the payload (a `<plaintext>` payload swallows the rest).
      expect(doc.querySelectorAll('article p').length, item.id).toBeGreaterThanOrEqual(4);
    }
  });
});
