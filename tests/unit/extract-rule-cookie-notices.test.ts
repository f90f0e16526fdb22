import { describe, expect, it } from 'vitest';
import { isCookieNotice, removeCookieNotices } from '@/lib/extract/rules/remove-cookie-notices';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';
import { extractHtml, readFixture } from '../helpers/fixtures';

function element(html: string): Element {
  return parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`).body.firstElementChild!;
}

describe('remove-cookie-notices: which blocks are consent notices', () => {
  it.each([
    '<div class="cookie-notice">This website uses cookies to ensure you get the best experience. <a href="/p">Learn more</a> <a>Got it!</a></div>',
    '<div id="consent"><p>We and our partners store and access information on your device.</p><button>Accept all</button><button>Reject all</button></div>',
    '<section class="gdpr-banner">By clicking "Accept", you agree to the storing of cookies on your device.</section>',
    '<div class="cc-cookie"><span>Personal data is processed for analytics.</span><input type="button" value="OK"></div>',
  ])('%s', (html) => {
    expect(isCookieNotice(element(html))).toBe(true);
  });

  it.each([
    // A recipe box: cookies one bakes, and a link that is no consent button.
    '<aside class="cookie-recipe"><h3>Cookies</h3><p>We use brown butter for these cookies.</p><a href="/r">Continue to the recipe</a></aside>',
    // A story paragraph about consent banners, long and without buttons of its own.
    `<div class="consent-story"><p>${'Regulators said the banners ask readers to accept cookies for advertising, and a refusal should cost nothing. '.repeat(5)}</p></div>`,
    // Cookies named, but nothing asked and no consent control.
    '<p class="cookie-fact">The cookie jar on the table was empty by noon.</p>',
  ])('keeps %s', (html) => {
    expect(isCookieNotice(element(html))).toBe(false);
  });
});

describe('remove-cookie-notices: where it looks', () => {
  it('looks at blocks whose class or id names cookies, consent or GDPR, or whose label names cookies or consent, in any ASCII case', () => {
    const notice = 'We use cookies for analytics. <button>Accept</button>';
    const doc = parseHtmlDocument(`<!doctype html><html><body>
      <div class="Site-COOKIE-Bar">${notice}</div><div id="Consent_box">${notice}</div><div class="x gdprWrap">${notice}</div>
      <div aria-label="Cookie choices">${notice}</div><div aria-label="GDPR">${notice}</div><div data-cookie="1">${notice}</div>
    </body></html>`);
    const root = doc.documentElement;
    expect(removeCookieNotices.apply({ doc, root, baseUrl: null, metadata: {} as never })).toBe(4);
    expect(Array.from(doc.body.children).map((block) => block.outerHTML.slice(0, 30))).toEqual(['<div aria-label="GDPR">We use ', '<div data-cookie="1">We use co']);
  });
});

describe('remove-cookie-notices on a page', () => {
  it('drops the notices inside the story column, keeps the story about consent walls and the recipe box', () => {
    const result = extractHtml(readFixture('rules', 'cookie-notices.html'), 'https://ledger.example/tech/consent-walls');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    expect(text).not.toContain('By continuing to browse');
    expect(text).not.toContain('Your privacy choices');
    expect(text).not.toContain('Manage preferences');
    expect(text).toContain('ask readers to accept cookies for advertising');
    expect(text).toContain('European regulators are weighing');
    expect(text).toContain('wherever the publisher is based');
    expect(text).toContain('We use brown butter for these cookies');
  });
});
