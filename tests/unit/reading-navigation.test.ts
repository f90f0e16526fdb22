import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cloneNoteContent, findFootnotes } from '@/lib/reading/footnotes';
import { buildTableOfContents, currentSectionIndex, hasSubsections, shownCurrent, visibleEntries, type TocEntry } from '@/lib/reading/table-of-contents';
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

  // 0 A, 1 A.1, 2 A.1.a, 3 A.2, 4 B, 5 C, 6 C.1
  const outline: TocEntry[] = [1, 2, 3, 2, 1, 1, 2].map((level, i) => ({ id: `e${i}`, level, text: `entry ${i}` }));

  it('folds: a section with subsections can be folded, and folding hides everything under it', () => {
    expect(outline.map((_, i) => hasSubsections(outline, i))).toEqual([true, true, false, false, false, true, false]);
    expect(visibleEntries(outline, new Set())).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(visibleEntries(outline, new Set(['e0']))).toEqual([0, 4, 5, 6]);
    expect(visibleEntries(outline, new Set(['e1']))).toEqual([0, 1, 3, 4, 5, 6]);
    expect(visibleEntries(outline, new Set(['e1', 'e5']))).toEqual([0, 1, 3, 4, 5]);
    // A folded section inside a folded one stays folded when the outer one opens again.
    expect(visibleEntries(outline, new Set(['e0', 'e1']))).toEqual([0, 4, 5, 6]);
    // An entry without subsections has nothing to fold.
    expect(visibleEntries(outline, new Set(['e4']))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('while a section is folded, it is marked current for the subsection being read', () => {
    const shown = visibleEntries(outline, new Set(['e0']));
    expect(shownCurrent(shown, 2)).toBe(0);
    expect(shownCurrent(shown, 4)).toBe(4);
    expect(shownCurrent(shown, 6)).toBe(6);
    expect(shownCurrent(shown, null)).toBeNull();
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
