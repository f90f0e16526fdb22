import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cloneNoteContent, findFootnotes } from '@/lib/reading/footnotes';
import { buildTableOfContents, currentSectionIndex } from '@/lib/reading/table-of-contents';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { getSanitizerWindow } from '@/scripts/lib/node-dom';

function root(html: string): HTMLElement {
  const { document } = new JSDOM(`<!doctype html><html><body><div id="root">${html}</div></body></html>`).window;
  return document.getElementById('root') as HTMLElement;
}

describe('table of contents', () => {
  it('lists headings with relative levels and gives ids to those without', () => {
    const article = root('<h2 id="user-content-intro">Intro</h2><p>a</p><h3>Detail  one</h3><h2>Next</h2><h4></h4>');
    expect(buildTableOfContents(article)).toEqual([
      { id: 'user-content-intro', level: 1, text: 'Intro' },
      { id: 'folio-toc-2', level: 2, text: 'Detail one' },
      { id: 'folio-toc-3', level: 1, text: 'Next' },
    ]);
    expect(article.querySelector('h3')!.id).toBe('folio-toc-2');
  });

  it('names the section holding the reading line', () => {
    expect(currentSectionIndex([100, 500, 900], 50)).toBeNull();
    expect(currentSectionIndex([100, 500, 900], 100)).toBe(0);
    expect(currentSectionIndex([100, 500, 900], 700)).toBe(1);
    expect(currentSectionIndex([100, 500, 900], 5000)).toBe(2);
  });
});

describe('footnotes in sanitized content', () => {
  const html = sanitizeArticleHtml(
    '<h2 id="s1">Section</h2><p>A claim<sup><a href="#fn1" id="ref1">1</a></sup> and <a href="#s1">a link to a section</a>, another<a href="#note-2" role="doc-noteref">[2]</a>.</p>' +
      '<ol class="footnotes"><li id="fn1"><p>The <em>source</em>. <a href="#ref1">↩</a></p></li></ol><aside id="note-2">Second note.</aside>',
    getSanitizerWindow(),
  );

  it('finds references whose targets are notes, through the sanitizer’s id prefix', () => {
    const article = root(html);
    const notes = findFootnotes(article);
    expect(notes.map((note) => [note.reference.textContent, note.note.id])).toEqual([
      ['1', 'user-content-fn1'],
      ['[2]', 'user-content-note-2'],
    ]);
  });

  it('copies a note for a popover without its back link or ids', () => {
    const note = findFootnotes(root(html))[0]!.note;
    const copy = cloneNoteContent(note);
    expect(copy.textContent!.trim()).toBe('The source.');
    expect(copy.querySelector('em')?.textContent).toBe('source');
    expect(copy.querySelector('[id]')).toBeNull();
    expect(note.textContent).toContain('↩');
  });
});
