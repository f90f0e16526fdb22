// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleRow } from '@/components/library/ArticleRow';
import { drawFirstScreen, rowsThatFit } from '@/components/library/first-screen-dom';
import { newArticleRecord } from '@/lib/library/article-record';
import type { ArticleRecord } from '@/lib/storage/schema';
import { makeArticle } from './library-test-helpers';

const READER = 'chrome-extension://folio/article.html';
const noop = () => undefined;

function records(): ArticleRecord[] {
  const make = (n: number, title: string) => newArticleRecord(makeArticle({ url: `https://example.com/${n}`, title }), { id: `https://example.com/${n}`, url: `https://example.com/${n}`, now: Date.now() - n * 86_400_000 });
  const plain = make(1, 'A plain article');
  const tagged = { ...make(2, 'Tagged, archived, half read'), tags: ['news', 'long read'], archived: 1 as const, favourite: 1 as const, progress: { percent: 48, scrollY: 900 } };
  const markup = { ...make(3, '<img src=x onerror=alert(1)> & friends'), contentState: 'pending' as const, excerpt: null };
  return [plain, tagged, markup];
}

/** Each row's element tree as tag.class names with the text of its leaves, for comparing two drawings. */
function shape(row: Element): string[] {
  const out: string[] = [];
  const walk = (node: Element, depth: number) => {
    const leafText = node.children.length === 0 ? ` "${node.textContent}"` : '';
    out.push(`${'  '.repeat(depth)}${node.tagName.toLowerCase()}.${node.className}${leafText}`);
    for (const child of node.children) walk(child, depth + 1);
  };
  walk(row, 0);
  return out;
}

describe('the library first screen drawn before React', () => {
  it('draws each remembered row as React’s ArticleRow does (same elements, classes and text)', () => {
    const root = document.createElement('div');
    drawFirstScreen(root, records(), READER);
    const drawn = [...root.querySelectorAll('.folio-row')];
    expect(drawn).toHaveLength(3);
    records().forEach((record, i) => {
      const markup = renderToStaticMarkup(
        <ArticleRow record={record} readerUrl={READER} selected={false} onSelect={noop} onArchive={noop} onFavourite={noop} onDelete={noop} onTagClick={noop} onRemoveTag={noop} />,
      );
      const react = new DOMParser().parseFromString(markup, 'text/html').body;
      expect(shape(drawn[i]!)).toEqual(shape(react.firstElementChild!));
      const title = drawn[i]!.querySelector('a.folio-row-title')!;
      expect(title.getAttribute('href')).toBe(react.querySelector('a.folio-row-title')!.getAttribute('href'));
      expect(title.getAttribute('elementtiming')).toBe(react.querySelector('a.folio-row-title')!.getAttribute('elementtiming'));
    });
  });

  it('writes text, never markup, and is inert and hidden until React replaces it', () => {
    const root = document.createElement('div');
    root.append(document.createElement('p'));
    drawFirstScreen(root, records(), READER);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelectorAll('.folio-row-title')[2]!.textContent).toBe('<img src=x onerror=alert(1)> & friends');
    expect(root.children).toHaveLength(1);
    const page = root.firstElementChild as HTMLElement;
    expect(page.hasAttribute('inert')).toBe(true);
    expect(page.getAttribute('aria-hidden')).toBe('true');
    expect([...page.querySelectorAll<HTMLElement>('a, button, input')].every((control) => control.tabIndex === -1)).toBe(true);
    expect(page.querySelector('.folio-count')!.textContent).toBe('Loading…');
  });

  it('draws no more rows than fit the window: rows are at least 4rem tall', () => {
    expect(rowsThatFit(720, 16)).toBe(12);
    expect(rowsThatFit(721, 16)).toBe(12);
    expect(rowsThatFit(769, 16)).toBe(13);
    // A larger default font makes rows taller: fewer fit.
    expect(rowsThatFit(720, 20)).toBe(9);
    // A window shorter than one row still shows one.
    expect(rowsThatFit(30, 16)).toBe(1);
  });
});
