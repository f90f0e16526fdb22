import type { ArticleRecord } from '@/lib/storage/schema';
import { articleHref, ROW_TITLE_TIMING, rowActionLabels, rowMetaLine, showsProgressBar } from './format';

/**
 * The library's remembered first screen drawn as plain DOM, before React and the page's other code have
 * even been parsed (they take about 200 ms to start on a loaded machine; this takes a few). It has the
 * classes and layout of the React page (LibraryApp, ArticleRow), so the swap is not seen, and is inert:
 * nothing in it can be clicked, focused or read out in the moment before React replaces it (React clears
 * its root on the first render). Text only goes in through textContent: no HTML is written.
 */

type Children = (Node | string | null | false)[];

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string | null, children: Children = []): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  for (const child of children) if (child) node.append(child);
  return node;
}

function row(doc: Document, record: ArticleRecord, readerUrl: string): HTMLElement {
  const title = element(doc, 'a', 'folio-row-title', [record.title]);
  title.href = articleHref(record.id, readerUrl);
  title.setAttribute('elementtiming', ROW_TITLE_TIMING);
  const check = element(doc, 'input', 'folio-row-check');
  check.type = 'checkbox';
  const progress = showsProgressBar(record) && element(doc, 'span', 'folio-row-progress', [element(doc, 'span', null)]);
  if (progress) (progress.firstChild as HTMLElement).style.width = `${record.progress.percent}%`;
  const tags =
    record.tags.length > 0 &&
    element(
      doc,
      'ul',
      'folio-tags',
      record.tags.map((tag) => element(doc, 'li', null, [element(doc, 'button', 'folio-tag', [tag]), element(doc, 'button', 'folio-tag-remove', ['×'])])),
    );
  const labels = rowActionLabels(record);
  const main = element(doc, 'div', 'folio-row-main', [
    title,
    element(doc, 'div', 'folio-row-meta', [rowMetaLine(record), progress]),
    record.excerpt && element(doc, 'p', 'folio-row-excerpt', [record.excerpt]),
    tags,
  ]);
  const actions = element(doc, 'div', 'folio-row-actions', [labels.favourite, labels.archive, labels.delete].map((label) => element(doc, 'button', null, [label])));
  return element(doc, 'div', 'folio-row', [check, main, actions]);
}

/** A row's least height in rem (`.folio-row { min-height: 4rem }` in library.css). */
const ROW_MIN_HEIGHT_REM = 4;

/**
 * How many rows can show in a viewport `viewportHeight` px tall, rows being at least 4rem of `remPx`
 * each: the first screen draws no more (rows below the fold cost script, style and layout for a frame
 * that cannot show them; React's list brings them a moment later). The toolbar above the rows only
 * lowers how many fit, so this many always fills the view.
 */
export function rowsThatFit(viewportHeight: number, remPx: number): number {
  return Math.max(1, Math.ceil(viewportHeight / (ROW_MIN_HEIGHT_REM * remPx)));
}

/** Draws `records` as the library page's first screen into `root` (replacing what it holds). */
export function drawFirstScreen(root: HTMLElement, records: readonly ArticleRecord[], readerUrl: string): void {
  const doc = root.ownerDocument;
  const page = element(doc, 'div', 'folio-library', [
    element(doc, 'nav', 'folio-sidebar', [element(doc, 'h1', null, ['Folio'])]),
    element(doc, 'main', 'folio-main', [
      // The search box keeps the toolbar's height (the rows do not move when React takes over).
      element(doc, 'header', 'folio-toolbar-row', [element(doc, 'div', 'folio-search', ['\u00a0']), element(doc, 'span', 'folio-count', ['Loading…'])]),
      element(doc, 'div', 'folio-bulk'),
      element(
        doc,
        'div',
        'folio-scroller',
        records.map((record) => row(doc, record, readerUrl)),
      ),
    ]),
  ]);
  // Hidden from assistive technology (the same rows come with React in a moment) and out of the tab
  // order twice over: inert, and each control at tabindex -1 for tools that do not know inert.
  page.setAttribute('inert', '');
  page.setAttribute('aria-hidden', 'true');
  for (const control of page.querySelectorAll<HTMLElement>('a, button, input')) control.tabIndex = -1;
  page.dataset.firstScreen = '';
  root.replaceChildren(page);
}
