import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { SanitizerUnavailableError, canSanitize, sanitizeArticleHtml } from '@/lib/sanitize';
import { getSanitizerWindow } from '@/scripts/lib/node-dom';

const win = getSanitizerWindow();
const sanitize = (html: string) => sanitizeArticleHtml(html, win);

function parse(html: string): Document {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

describe('the one sanitizer', () => {
  it('keeps the markup of a story', () => {
    const html = '<h2>Heading</h2><p>Text with <a href="https://example.org/a">a link</a>, <em>emphasis</em> and <code>code</code>.</p><figure><img src="https://example.org/i.jpg" alt="A"><figcaption>Caption</figcaption></figure><blockquote>Quote</blockquote><ul><li>One</li></ul><table><tr><td>Cell</td></tr></table><pre><code class="language-ts">const a = 1;</code></pre>';
    const out = parse(sanitize(html));
    expect(out.querySelector('h2')?.textContent).toBe('Heading');
    expect(out.querySelector('figcaption')?.textContent).toBe('Caption');
    expect(out.querySelector('img')?.getAttribute('src')).toBe('https://example.org/i.jpg');
    expect(out.querySelector('pre code')?.getAttribute('class')).toBe('language-ts');
    expect(out.querySelector('td')?.textContent).toBe('Cell');
  });

  it('removes scripts, event handlers, styles, forms, frames and document-level elements', () => {
    const out = parse(
      sanitize(
        '<p onclick="alert(1)" style="color:red">a</p><script>alert(1)</script><img src="x.png" onerror="alert(1)"><style>p{}</style><form action="https://attacker.test"><input name="q"><button>go</button></form><iframe src="https://attacker.test"></iframe><base href="https://attacker.test/"><meta http-equiv="refresh" content="0;url=https://attacker.test"><template><script>alert(1)</script></template><object data="https://attacker.test/x.swf"></object><embed src="https://attacker.test/x"><svg><script>alert(1)</script></svg>',
      ),
    );
    expect(out.querySelectorAll('script, style, form, input, button, iframe, base, meta, template, object, embed, svg')).toHaveLength(0);
    for (const element of Array.from(out.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name.startsWith('on'), attribute.name).toBe(false);
        expect(attribute.name).not.toBe('style');
      }
    }
  });

  it('drops javascript:, vbscript: and non-image data: URLs, with case and entity tricks', () => {
    const out = parse(
      sanitize(
        '<a id="a1" href="javascript:alert(1)">1</a><a id="a2" href="JaVaScRiPt&#58;alert(1)">2</a><a id="a3" href=" vbscript:msgbox(1)">3</a><a id="a4" href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">4</a><img id="i1" src="data:image/png;base64,iVBORw0KGgo="><img id="i2" src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
      ),
    );
    for (const id of ['a1', 'a2', 'a3', 'a4']) expect(out.getElementById(`user-content-${id}`)?.hasAttribute('href') ?? false, id).toBe(false);
    expect(out.querySelector('#user-content-i1')?.getAttribute('src')).toMatch(/^data:image\/png/);
    expect(out.querySelector('#user-content-i2')?.hasAttribute('src')).toBe(false);
  });

  it('opens links in a new tab without opener or referrer, and keeps footnote links working', () => {
    const out = parse(sanitize('<p><a href="https://example.org">x</a><sup><a href="#fn1">1</a></sup></p><ol><li id="fn1">Note</li></ol>'));
    const external = out.querySelector('a[href^="https"]');
    expect(external?.getAttribute('target')).toBe('_blank');
    expect(external?.getAttribute('rel')).toBe('noopener noreferrer');
    const footnote = out.querySelector('sup a');
    expect(footnote?.getAttribute('href')).toBe('#user-content-fn1');
    expect(out.getElementById('user-content-fn1')?.textContent).toBe('Note');
  });

  it('prefixes ids and names so article markup cannot clobber the page or Folio', () => {
    const out = parse(sanitize('<img name="getElementById"><a id="location" href="#x">x</a>'));
    expect(out.querySelector('a')?.id).toBe('user-content-location');
  });

  it('is idempotent (sanitizing its own output changes nothing)', () => {
    const once = sanitize('<p>a<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript></p><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>');
    expect(sanitize(once)).toBe(once);
    expect(once).not.toContain('onerror');
  });

  it('starts every call from an empty parse: nothing of one article reaches the next', () => {
    sanitize('<p id="first">first article</p><table><tr><td>open');
    expect(sanitize('<p>second</p>')).toBe('<p>second</p>');
  });

  it('sanitizes markup that another realm\'s window parsed (DOMPurify cleans it in place all the same)', () => {
    const own = new JSDOM('<!doctype html><html><body></body></html>').window;
    const other = new JSDOM('<!doctype html><html><body></body></html>').window;
    // DOMPurify runs on `own`, the markup is parsed by `other`'s DOMParser (DOMPurify before 3.4.6 left such
    // a node as it was).
    const mixed = new Proxy(own, { get: (target, key) => (key === 'DOMParser' ? other.DOMParser : Reflect.get(target, key)) });
    const out = sanitizeArticleHtml('<p>kept</p><img src="x" onerror="alert(1)"><script>alert(2)</script>', mixed as unknown as Window);
    expect(out).toBe('<p>kept</p><img src="x">');
  });

  it('fails closed on a DOM that cannot run DOMPurify', () => {
    const { window } = parseHTML('<!doctype html><html><body></body></html>');
    const linkedomWindow = window as unknown as Window;
    expect(canSanitize(linkedomWindow)).toBe(false);
    expect(() => sanitizeArticleHtml('<p onclick="x()">a</p>', linkedomWindow)).toThrow(SanitizerUnavailableError);
  });
});
