import { describe, expect, it } from 'vitest';
import { privateCopy } from '@/lib/extract/private-copy';
import { narrowToStoryRegion, removeFormControls, removeNeverStory, removeNeverStoryRegions } from '@/lib/extract/prune-for-scoring';
import { KEEP_INSIDE, descendantsByTagWithWords, holdsKeptContent, textLength, textLengthUpTo } from '@/lib/extract/rules/dom-helpers';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';

const paragraphs = (n: number, text = 'A sentence of the story that goes on for a while.') => `<p>${text}</p>`.repeat(n);

describe('privateCopy', () => {
  it('copies without links, SVG and comments, keeps scripts, and shares no node with the page', () => {
    const page = parseHtmlDocument('<!doctype html><html><head><title>T</title><link rel="stylesheet" href="a.css"><script type="application/ld+json">{}</script></head><body><!-- note --><svg><path d="M0"/></svg><p id="p">Story <script>track()</script></p></body></html>');
    const copy = privateCopy(page);
    expect(copy.documentElement?.tagName).toBe('HTML');
    expect(copy.querySelectorAll('link, svg, path')).toHaveLength(0);
    expect(copy.querySelectorAll('script')).toHaveLength(2);
    expect(copy.title).toBe('T');
    copy.getElementById('p')?.remove();
    expect(page.getElementById('p')?.textContent).toContain('Story');
    expect(page.querySelectorAll('link, svg')).toHaveLength(2);
  });
});

describe('removeNeverStoryRegions, then removeNeverStory', () => {
  const page = '<html><head><style>p{}</style><script type="application/ld+json">{}</script></head><body><nav><a href="/">Home</a></nav><p>Story<script>x()</script></p><aside>Ad</aside><template><p>Card</p></template><input><button>Go</button><footer>©</footer></body></html>';

  it('removes navigation, footers and templates first, leaving asides, scripts and controls for the detector', () => {
    const doc = parseHtmlDocument(page);
    expect(removeNeverStoryRegions(doc)).toBe(3);
    expect(doc.querySelector('nav, footer, template')).toBeNull();
    expect(doc.querySelectorAll('aside, script, style, input, button')).toHaveLength(6);
  });

  it('then removes asides, scripts and styles, but keeps JSON-LD and the form controls', () => {
    const doc = parseHtmlDocument(page);
    removeNeverStoryRegions(doc);
    expect(removeNeverStory(doc)).toBe(3);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelectorAll('input, button')).toHaveLength(2);
  });

  it('and the form controls last, after the prepare rules', () => {
    const doc = parseHtmlDocument(page);
    removeNeverStoryRegions(doc);
    removeNeverStory(doc);
    expect(removeFormControls(doc)).toBe(2);
    expect(doc.body.textContent).toBe('Story');
  });
});

describe('narrowToStoryRegion', () => {
  it('scores only the one marked story region when it holds nearly all paragraphs', () => {
    const doc = parseHtmlDocument(`<html><body><div class="promo"><p>Short teaser</p></div><article><h1>T</h1>${paragraphs(10)}</article></body></html>`);
    expect(narrowToStoryRegion(doc)?.tagName).toBe('ARTICLE');
    expect(doc.body.children).toHaveLength(1);
    expect(doc.querySelector('.promo')).toBeNull();
  });

  it('leaves a page alone whose marked region misses much of the text, or that marks many regions', () => {
    const split = parseHtmlDocument(`<html><body><article>${paragraphs(3)}</article><div>${paragraphs(3)}</div></body></html>`);
    expect(narrowToStoryRegion(split)).toBeNull();
    expect(split.querySelectorAll('p')).toHaveLength(6);
    const cards = parseHtmlDocument(`<html><body><article>${paragraphs(2)}</article><article>${paragraphs(2)}</article></body></html>`);
    expect(narrowToStoryRegion(cards)).toBeNull();
    const empty = parseHtmlDocument('<html><body><article><img src="a.png"></article></body></html>');
    expect(narrowToStoryRegion(empty)).toBeNull();
  });
});

describe('textLengthUpTo', () => {
  it('equals textLength up to the limit and exceeds the limit otherwise', () => {
    const samples = ['', '   ', '<b> a </b>', '<p>\n  Sign   up\tnow </p><span>\u00a0to read</span>', `<div>${paragraphs(5)}</div>`, '<i>a</i><i>b</i> <i> c </i>'];
    for (const html of samples) {
      const element = parseHtmlDocument(`<html><body><section>${html}</section></body></html>`).querySelector('section')!;
      const exact = textLength(element);
      for (const limit of [0, 1, 3, 10, 160, 1000]) {
        const bounded = textLengthUpTo(element, limit);
        if (exact <= limit) expect(bounded, `${html} / ${limit}`).toBe(exact);
        else expect(bounded, `${html} / ${limit}`).toBeGreaterThan(limit);
      }
    }
  });
});

describe('descendantsByTagWithWords', () => {
  it('keeps every element with one of the tags whose text matches the whole words, in order', () => {
    const tags = new Set(['div', 'p', 'span', 'a', 'b']);
    const words = /(?:sign ?up|newsletters?)/gi;
    const wholeWords = new RegExp(`\\b${words.source}\\b`, 'i');
    const samples = [
      '<p>Sign up for our newsletter</p><p>A story</p>',
      // split over elements: only the elements around both halves hold the words
      '<div><span>Sign</span> <b>up</b></div><p>no<a>sign</a></p>',
      // a letter before or after: only the larger text sees the match as a whole word
      '<p>re<span>sign up</span></p><p><b>Newsletters</b>x</p><div>signup</div>',
      // words in code: the elements holding it are kept for the rule to judge
      '<div><script>var signup = 1;</script><p>story</p></div><span><style>.newsletter{}</style></span>',
      '<div><div><p>a</p></div><script></script></div>',
    ];
    for (const html of samples) {
      const root = parseHtmlDocument(`<html><body><section>${html}</section></body></html>`).querySelector('section')!;
      const found = descendantsByTagWithWords(root, tags, words);
      const all = Array.from(root.querySelectorAll([...tags].join(', ')));
      const matching = all.filter((element) => wholeWords.test(element.textContent ?? ''));
      // Every element whose text matches is there; none is outside the tags' list or its order.
      expect(matching.filter((element) => !found.includes(element)), html).toEqual([]);
      expect(found, html).toEqual(all.filter((element) => found.includes(element)));
    }
    const plain = parseHtmlDocument('<html><body><section><p>A story about <b>weather</b></p><div>Sign up</div></section></body></html>').querySelector('section')!;
    expect(descendantsByTagWithWords(plain, tags, words).map((element) => element.textContent)).toEqual(['Sign up']);
    // No match in the whole text, code included: nothing is found, not even the elements that hold code.
    const none = parseHtmlDocument('<html><body><section><div><p>A story</p><script>var x = 1;</script></div></section></body></html>').querySelector('section')!;
    expect(descendantsByTagWithWords(none, tags, words)).toEqual([]);
  });
});

describe('holdsKeptContent', () => {
  it('agrees with querySelector(KEEP_INSIDE), looking only below the element', () => {
    const samples = ['', '<b>text</b>', '<span><i><img src="a.png"></i></span>', '<code>x</code>', '<div><p>a</p><p>b<span><math><mi>x</mi></math></span></p></div>', '<p>a</p><blockquote>q</blockquote>', '<a><svg></svg></a>'];
    for (const html of samples) {
      const element = parseHtmlDocument(`<html><body><section>${html}</section></body></html>`).querySelector('section')!;
      expect(holdsKeptContent(element), html).toBe(element.querySelector(KEEP_INSIDE) !== null);
    }
    const figure = parseHtmlDocument('<html><body><figure>caption</figure></body></html>').querySelector('figure')!;
    expect(holdsKeptContent(figure)).toBe(false);
  });
});

