import { describe, expect, it } from 'vitest';
import { chooseBody } from '@/lib/extract/score/choose-body';
import { cleanBody } from '@/lib/extract/score/clean-body';
import { measure } from '@/lib/extract/score/measure';
import { countText } from '@/lib/extract/score/text-count';
import { walkTree } from '@/lib/extract/score/tree-walk';
import { extractArticle } from '@/lib/extract';
import { getSanitizerWindow, parseHtmlDocument } from '@/scripts/lib/node-dom';

const SENTENCE = 'The council met on Tuesday, and after a long debate, it voted to rebuild the old harbour wall.';
const story = (n: number, tag = 'p', attrs = '') => `<${tag}${attrs}>${SENTENCE}</${tag}>`.repeat(n);
const page = (body: string) => parseHtmlDocument(`<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`);
const links = (n: number) => Array.from({ length: n }, (_, i) => `<li><a href="/s/${i}">Another headline number ${i} worth a click</a></li>`).join('');

describe('walkTree', () => {
  it('enters and exits every element in document order, children closed before their parent', () => {
    const doc = page('<div id="a"><p id="b">x<b id="c">y</b></p><span id="d"></span></div>');
    const events: string[] = [];
    walkTree(doc.getElementById('a')!, {
      enter: (e) => (events.push(`+${e.id}`), true),
      text: (t) => void events.push(t.data),
      exit: (e) => void events.push(`-${e.id}`),
    });
    expect(events).toEqual(['+a', '+b', 'x', '+c', 'y', '-c', '-b', '+d', '-d', '-a']);
  });

  it('passes over an element and its subtree when enter says no', () => {
    const doc = page('<div id="a"><p id="b">x</p><p id="c">y</p></div>');
    const seen: string[] = [];
    walkTree(doc.getElementById('a')!, { enter: (e) => e.id !== 'b' && (seen.push(e.id), true), text: (t) => void seen.push(t.data), exit: () => {} });
    expect(seen).toEqual(['a', 'c', 'y']);
  });
});

describe('measure', () => {
  it('counts collapsed text, commas and link text bottom-up, and leaves out hidden, scripts and named furniture', () => {
    const doc = page(`<main id="m"><p>One,  two,\n three</p><p><a href="/x">link text</a> rest</p><div hidden>secret words</div><script>var a = 1, b = 2;</script><div class="sidebar">Popular now</div></main>`);
    const measured = measure(doc.body!, { keepUnlikely: false });
    const main = measured.stats.get(doc.getElementById('m')!)!;
    // Whitespace at the edge of a text node is not counted (" rest" after the link counts as "rest").
    expect(main.chars).toBe('One, two, three'.length + 'link textrest'.length);
    expect(main.commas).toBe(2);
    expect(main.linkChars).toBe('link text'.length);
    expect([...measured.skipped].map((e) => e.localName + (e.getAttribute('class') ?? ''))).toEqual(['div', 'script', 'divsidebar']);
  });

  it('takes the first short author line as the byline and passes over it', () => {
    const doc = page(`<article><div class="byline">By Ana Ruiz</div>${story(3)}</article>`);
    const measured = measure(doc.body!, { keepUnlikely: false });
    expect(measured.byline).toBe('By Ana Ruiz');
  });

  it('counts commas of other scripts too', () => {
    expect(countText('一，二、三')).toEqual({ chars: 5, commas: 2 });
  });
});

describe('chooseBody', () => {
  it('chooses the story container over a link list that has more text', () => {
    const doc = page(`<div class="teasers"><ul>${links(40)}</ul></div><div class="story" id="s">${story(8)}</div>`);
    const choice = chooseBody(doc, 500);
    expect(choice?.body.id).toBe('s');
    expect(choice?.body.textContent).not.toContain('Another headline');
    expect(choice?.candidates[0]?.element.id).toBe('s');
  });

  it('adds a lead paragraph that sits beside the story container', () => {
    const lead = 'A lead paragraph set apart from the rest, long enough to be prose and not a label of the page.';
    const doc = page(`<div id="wrap"><p>${lead}</p><div class="story">${story(8)}</div><p><a href="/more">More stories from the harbour desk of the paper</a></p></div>`);
    const text = chooseBody(doc, 500)?.body.textContent ?? '';
    expect(text).toContain('A lead paragraph');
    expect(text).not.toContain('More stories');
  });

  it('lifts the container of a story split into sections', () => {
    const doc = page(`<div id="post"><section>${story(5)}</section><figure><img src="a.jpg"></figure><section>${story(5)}</section></div><div class="aside">${story(2)}</div>`);
    const body = chooseBody(doc, 500)?.body;
    expect(body?.querySelectorAll('section')).toHaveLength(2);
  });

  it('joins the parts of a story cut by widgets when each part is built from the same template, though they are not siblings', () => {
    const second = 'The second part says the harbour wall will be finished by spring, if the weather holds, and costs less.';
    const part = (text: string, n: number) => `<div class="grid"><div class="grid-item body">${`<p>${text}</p>`.repeat(n)}</div><div class="grid-item rail"><a href="/ad">Advertisement</a></div></div>`;
    const doc = page(`<div id="chunks">${part(SENTENCE, 9)}<div class="most-popular"><ul>${links(6)}</ul></div>${part(second, 4)}</div><div class="comments"><p>A reader wrote in to say that the old wall was fine as it was, thank you very much.</p></div>`);
    const text = chooseBody(doc, 500)?.body.textContent ?? '';
    expect(text).toContain(SENTENCE);
    expect(text).toContain('The second part says');
    expect(text).not.toContain('A reader wrote in');
  });

  it('returns null when no body reaches the minimum, so the caller can fall back', () => {
    expect(chooseBody(page(`<div>${story(1)}</div>`), 500)).toBeNull();
  });

  it('passes over a modal dialog the page keeps beside the story', () => {
    const dialog = 'Someone has been editing this post since this morning, and you took the lock from them at noon today.';
    const doc = page(`<div id="wrap"><div class="story">${story(8)}</div><div class="post-modal"><p>${dialog}</p></div></div>`);
    expect(chooseBody(doc, 500)?.body.textContent).not.toContain('editing this post');
  });

  it('judges a prose box named as a widget inside the story, even when its paragraphs score well', () => {
    const appeal = 'We do this work every day at no cost to you, but it is far from free, and we need your support now.';
    const doc = page(`<div class="story" id="s">${story(8)}<div class="cta-widget"><div><div><section>${`<p>${appeal}</p>`.repeat(8)}</section></div></div></div></div>`);
    const choice = chooseBody(doc, 500);
    expect(choice?.candidates.filter((c) => c.score >= 0.5 * (choice.candidates[0]?.score ?? 0)).length).toBeGreaterThan(1);
    expect(choice?.body.textContent).toContain(SENTENCE);
    expect(choice?.body.textContent).not.toContain('your support');
  });

  it('takes the dir of the story from its container', () => {
    const doc = page(`<div dir="rtl" id="s">${story(8)}</div>`);
    expect(chooseBody(doc, 500)?.dir).toBe('rtl');
  });
});

describe('cleanBody', () => {
  const clean = (html: string, hearts: string[] = []) => {
    const doc = page(`<div id="body">${html}</div>`);
    const body = doc.getElementById('body')!;
    cleanBody(body, hearts.map((id) => doc.getElementById(id)!), 100);
    return body;
  };

  it('removes a link-dense box and a block named as furniture, keeps the prose', () => {
    const body = clean(`${story(6)}<div><a href="/a">Read next: the harbour</a> and <a href="/b">the wall</a></div><div class="share-tools"><span>Share this story</span> <span>Email</span></div>`);
    expect(body.textContent).not.toContain('Read next');
    expect(body.querySelector('.share-tools')).toBeNull();
    expect(body.querySelectorAll('p')).toHaveLength(6);
  });

  it('keeps a data table and code whatever their links', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `<tr><td><a href="/r${i}">Row ${i}</a></td><td>${i}</td></tr>`).join('');
    const body = clean(`${story(6)}<table><thead><tr><th>Name</th><th>N</th></tr></thead>${rows}</table><pre><code><a href="/x">x()</a></code></pre>`);
    expect(body.querySelectorAll('tr')).toHaveLength(13);
    expect(body.querySelector('pre')).not.toBeNull();
  });

  it('removes loose labels but keeps a story written as a run of same-class div paragraphs', () => {
    const body = clean(`<div class="date">Tuesday, 12 March</div>${story(5, 'div', ' class="para speakable"')}`);
    expect(body.textContent).not.toContain('Tuesday, 12 March');
    expect(body.querySelectorAll('div.para')).toHaveLength(5);
  });

  it('keeps a paragraph in a box named as furniture, and what holds the best container', () => {
    const body = clean(`<div class="media-box"><p>${SENTENCE}</p></div><div class="related" id="heart">${story(6)}</div>`, ['heart']);
    expect(body.querySelectorAll('p')).toHaveLength(7);
  });

  it('keeps an image\'s caption, even when the template names it as furniture', () => {
    const body = clean(`${story(5)}<div class="image-wrapper"><img src="a.jpg"></div><div class="media-caption">The harbour wall before the storm</div>${story(2)}`);
    expect(body.textContent).toContain('The harbour wall before the storm');
  });

  it('does not keep a linked line after an image as its caption', () => {
    const body = clean(`${story(5)}<div><img src="a.jpg"></div><div class="media-caption"><a href="/g">See the whole gallery</a></div>`);
    expect(body.textContent).not.toContain('See the whole gallery');
  });

  it('keeps an indented quote written as a bare <ul> of text (old pages indent with it)', () => {
    const body = clean(`${story(5)}<p><b>Someone wrote:</b></p><ul><i>Have you considered changing distributions?</i></ul>${story(2)}`);
    expect(body.textContent).toContain('Have you considered changing distributions?');
  });

  it('keeps a <div> of bare text inside a quotation: it is what is quoted, not a label', () => {
    const body = clean(`${story(3)}<blockquote><div>[figure 4: each repo has one temporary commit]</div></blockquote>${story(3)}`);
    expect(body.textContent).toContain('[figure 4: each repo has one temporary commit]');
  });

  it('keeps a standfirst the page names as one, even written as a <div> of loose text (not a label)', () => {
    const standfirst = 'A miracle of one season? The team keeps answering its doubters, and the football world is starting to notice.';
    const body = clean(`<div class="article__perex">${standfirst}</div>${story(5)}`);
    expect(body.textContent).toContain(standfirst);
  });

  it('judges by content alone when names would leave too little', () => {
    const body = clean(`<div class="widget-container">${story(6)}</div>`);
    expect(body.querySelectorAll('p')).toHaveLength(6);
  });
});

describe('the pipeline\'s body chooser option', () => {
  const html = `<!doctype html><html><head><title>Harbour wall</title></head><body><nav><a href="/">Home</a></nav><div class="story">${story(8)}</div></body></html>`;
  const steps = (options: Parameters<typeof extractArticle>[1]) => {
    const result = extractArticle(parseHtmlDocument(html, 'https://example.org/a'), { ...options, debug: true, sanitizerWindow: getSanitizerWindow() });
    return { result, steps: new Set(result.debug?.entries.map((entry) => entry.step)) };
  };

  it('has Folio\'s chooser choose by default, and Readability alone when asked, both naming their candidates', () => {
    const readability = steps({ bodyChooser: 'readability' });
    expect(readability.steps.has('readability')).toBe(true);
    expect(readability.steps.has('choose')).toBe(false);
    expect(readability.result.debug?.candidates?.length).toBeGreaterThan(0);
    const folio = steps({});
    expect(folio.steps.has('choose')).toBe(true);
    expect(folio.steps.has('readability')).toBe(false);
    expect(folio.result.debug?.candidates?.[0]?.element).toContain('div.story');
    const article = folio.result.ok ? folio.result.article : folio.result.bestEffort;
    expect(article?.textContent).toContain('rebuild the old harbour wall');
  });
});
