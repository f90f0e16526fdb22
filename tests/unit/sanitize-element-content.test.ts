import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml, sanitizeElementContent } from '@/lib/sanitize';
import { hostileCorpus } from '../security/corpus';
import { auditAcrossReparses, canonicalMarkup, parseAsBody } from '../security/markup-audit';

/**
 * sanitizeElementContent cleans extraction's chosen body as nodes, without the serialise-and-parse
 * that sanitizeArticleHtml starts with. Its output must keep every promise the string path keeps, for
 * trees a parser builds (the hostile corpus) and for trees only script can build (a page's live DOM is
 * cloned into the private copy as its scripts left it).
 */
const win = new JSDOM('<!doctype html><html><body></body></html>').window as unknown as Window;
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const SVG_NS = 'http://www.w3.org/2000/svg';
const PAYLOAD = '<img src=x onerror=alert(1)>';

function inertDocument(html = ''): Document {
  return parseAsBody(html, win);
}

describe('sanitizing a body as nodes', () => {
  it.each(hostileCorpus.map((c) => [c.id, c] as const))('hostile page %s: the same promises as the string path', (_id, hostile) => {
    const doc = new (win as Window & typeof globalThis).DOMParser().parseFromString(hostile.html, 'text/html');
    const clean = sanitizeElementContent(doc.body, win);

    expect(auditAcrossReparses(clean, win), hostile.vector).toEqual([]);
    expect(canonicalMarkup(sanitizeArticleHtml(clean, win), win), 'sanitizing again changes the output').toBe(canonicalMarkup(clean, win));
    expect(clean).toContain('By Ada Example');
    expect(doc.body.childNodes).toHaveLength(0);
  });

  /** Trees no parser builds; each holds the payload where only a non-round-tripping tree would run it. */
  const scriptBuilt: Array<[string, (doc: Document) => Node]> = [
    ['markup as a text node of a paragraph', (doc) => {
      const p = doc.createElement('p');
      p.textContent = PAYLOAD;
      return p;
    }],
    ['a comment that closes itself early', (doc) => doc.createComment(`-->${PAYLOAD}<!--`)],
    ['a processing instruction', (doc) => doc.createProcessingInstruction('x', `>${PAYLOAD}`)],
    ...['style', 'xmp', 'noembed', 'noframes', 'noscript', 'plaintext', 'title', 'textarea', 'iframe'].map(
      (tag): [string, (doc: Document) => Node] => [`raw text in a script-made <${tag}>`, (doc) => {
        const element = doc.createElement(tag);
        element.textContent = `</${tag}>${PAYLOAD}`;
        return element;
      }],
    ),
    ['a MathML <style> inside <mtext> (namespace confusion)', (doc) => {
      const math = doc.createElementNS(MATHML_NS, 'math');
      const mtext = doc.createElementNS(MATHML_NS, 'mtext');
      const style = doc.createElementNS(MATHML_NS, 'style');
      style.textContent = `</style>${PAYLOAD}`;
      mtext.append(doc.createElementNS(MATHML_NS, 'mglyph'), style);
      math.append(mtext);
      return math;
    }],
    ['an HTML-namespace <math> and <svg> with text', (doc) => {
      const wrapper = doc.createElement('div');
      for (const tag of ['math', 'svg']) {
        const element = doc.createElementNS(HTML_NS, tag);
        element.textContent = PAYLOAD;
        wrapper.append(element);
      }
      return wrapper;
    }],
    ['an SVG link with a script URL', (doc) => {
      const svg = doc.createElementNS(SVG_NS, 'svg');
      const link = doc.createElementNS(SVG_NS, 'a');
      link.setAttributeNS('http://www.w3.org/1999/xlink', 'xlink:href', 'javascript:alert(1)');
      link.textContent = 'x';
      svg.append(link);
      return svg;
    }],
    ['nested links and a table inside a paragraph', (doc) => {
      const p = doc.createElement('p');
      const outer = doc.createElement('a');
      outer.setAttribute('href', 'javascript:alert(1)');
      const inner = doc.createElement('a');
      inner.setAttribute('href', 'https://example.org/');
      inner.setAttribute('onclick', 'alert(1)');
      outer.append(inner);
      const table = doc.createElement('table');
      table.append(doc.createTextNode(PAYLOAD));
      p.append(outer, table);
      return p;
    }],
    ['a form control named to clobber', (doc) => {
      const form = doc.createElement('form');
      const input = doc.createElement('input');
      input.setAttribute('name', 'attributes');
      form.append(input);
      const img = doc.createElement('img');
      img.setAttribute('name', 'body');
      img.setAttribute('srcset', 'a.png 1x, \u0001javascript:alert(1) 2x');
      const fragment = doc.createDocumentFragment();
      fragment.append(form, img);
      return fragment;
    }],
  ];

  it.each(scriptBuilt)('%s: nothing runs once the markup is parsed again', (_name, build) => {
    const doc = inertDocument('<p>Before.</p>');
    const body = doc.body;
    body.append(build(doc), doc.createTextNode('After.'));
    const clean = sanitizeElementContent(body, win);

    expect(auditAcrossReparses(clean, win, 3)).toEqual([]);
    // The payload's image, had any of its markup become elements.
    expect(parseAsBody(clean, win).body.querySelector('img[src="x"]')).toBeNull();
    expect(clean).toContain('Before.');
    expect(clean).toContain('After.');
  });

  it('gives the string path’s markup for a parsed story', () => {
    const story = '<h2 id="a">Heading</h2><p class="lede x">Text <a href="#a">to the heading</a> and <a href="https://example.org/">out</a>.</p><pre><code class="language-ts x">const a = 1;</code></pre><img data-x="1" src="https://example.org/i.jpg" alt="A">';
    const doc = inertDocument(story);

    expect(sanitizeElementContent(doc.body, win)).toBe(sanitizeArticleHtml(story, win));
  });

  it('serialises a body of another DOM (linkedom) and cleans the markup instead, leaving the body as it was', () => {
    const { document } = parseHTML(`<!doctype html><html><body><p onclick="alert(1)">Text</p>${PAYLOAD}</body></html>`);
    const body = document.body as unknown as Element;

    expect(sanitizeElementContent(body, win)).toBe(sanitizeArticleHtml(`<p onclick="alert(1)">Text</p>${PAYLOAD}`, win));
    expect(body.childNodes).toHaveLength(2);
  });
});
