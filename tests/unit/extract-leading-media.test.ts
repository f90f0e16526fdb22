import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { leadingMedia } from '@/lib/extract/paywall/leading-media';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';

// The pictures before the first paragraph, in subtrees apart from it: where linkedom's
// compareDocumentPosition answered wrongly (an image after the paragraph counted as before it).
const BODY = `<div id="body">
  <div><figure id="lead"><picture><img src="/lead.jpg" alt=""></picture><figcaption><p>The lead picture</p></figcaption></figure></div>
  <img id="second" src="/second.jpg" alt="">
  <section><div><p>First paragraph of the story.</p></div></section>
  <div><div><img id="later" src="/later.jpg" alt=""></div></div>
  <p>Last paragraph.</p>
</div>`;

const DOMS = {
  linkedom: () => parseHtmlDocument(`<!doctype html><html><body>${BODY}</body></html>`),
  jsdom: () => new JSDOM(`<!doctype html><html><body>${BODY}</body></html>`).window.document,
};

describe('leadingMedia: the pictures a body shows before its first paragraph', () => {
  it.each(Object.keys(DOMS) as (keyof typeof DOMS)[])('gives the same answer on %s', (dom) => {
    const body = DOMS[dom]().getElementById('body');
    expect(body).not.toBeNull();
    const media = leadingMedia(body as Element).map((element) => element.id);
    // The figure comes whole (its picture and img are not listed again); an image after the first paragraph is not lead media.
    expect(media).toEqual(['lead', 'second']);
  });

  it('is empty when the body opens with a paragraph', () => {
    const doc = parseHtmlDocument('<!doctype html><html><body><div id="b"><p>Text.</p><img src="/a.jpg" alt=""></div></body></html>');
    expect(leadingMedia(doc.getElementById('b') as Element)).toEqual([]);
  });
});
