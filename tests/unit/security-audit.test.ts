import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { auditSanitizedMarkup } from '../security/markup-audit';

/** The audit the security tests rely on must itself catch each kind of dangerous markup. */
const win = new JSDOM('<!doctype html><html><body></body></html>').window as unknown as Window;
const rulesOf = (html: string) => auditSanitizedMarkup(html, win).map((f) => f.rule);

describe('markup audit', () => {
  it('accepts an ordinary sanitized article', () => {
    const html = '<h1>Title</h1><p id="user-content-a">Text <a href="https://attacker.test/story" target="_blank" rel="noopener noreferrer">link</a></p>'
      + '<img src="http://images.example/a.jpg" srcset="http://images.example/a.jpg 1x, data:image/png;base64,AAAA 2x" alt="see attacker.test">'
      + '<a href="#user-content-a">back</a><math><mi>x</mi></math>';
    expect(rulesOf(html)).toEqual([]);
  });

  it.each([
    ['<script>x()</script>', 'forbidden-element'],
    ['<svg><circle r="1"></circle></svg>', 'forbidden-element'],
    ['<noscript><p>x</p></noscript>', 'forbidden-element'],
    ['<img src="a.jpg" onerror="x()">', 'event-handler'],
    ['<p style="color:red">x</p>', 'loading-attribute'],
    ['<a href="&#1;java&#9;script:x()">x</a>', 'script-url'],
    ['<img src="a.jpg" srcset="b.jpg 1x, JAVASCRIPT:x() 2x">', 'script-url'],
    ['<img src="data:image/svg+xml;base64,AAAA">', 'script-url'],
    ['<a href="vbscript:x">x</a>', 'script-url'],
    ['<video poster="http://attacker.test/p.png"></video>', 'attacker-reference'],
    ['<img src="http://images.example/a.jpg" longdesc="//ATTACKER.test/x">', 'attacker-reference'],
    ['<p id="root">x</p>', 'unprefixed-name'],
    ['<a href="#notes">x</a>', 'unprefixed-name'],
  ])('flags %s', (html, rule) => {
    expect(rulesOf(html)).toContain(rule);
  });
});
