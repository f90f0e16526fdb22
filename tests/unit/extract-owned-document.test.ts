import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { privateCopy, stripInPlace } from '@/lib/extract/private-copy';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';
import { extractHtml, fixturePath, readFixture } from '../helpers/fixtures';

/** Every page fixture of the extraction tests: rules, seed pages, multi-page, odd and hostile pages. */
function fixturePages(): string[][] {
  const html = (folder: string) => readdirSync(fixturePath(folder)).filter((name) => name.endsWith('.html')).map((name) => [folder, name]);
  const seeds = readdirSync(fixturePath('seed'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => ['seed', entry.name, 'source.html']);
  return [...html('rules'), ...seeds, ...html('multipage'), ...html('odd'), ...html('hostile')];
}

describe('stripInPlace', () => {
  it('removes from the document itself exactly what the private copy leaves out', () => {
    const markup = '<!doctype html><html><head><title>T</title><link rel="stylesheet" href="a.css"><script type="application/ld+json">{}</script></head><body><!-- note --><svg><path d="M0"/><text>icon</text></svg><p id="p">Story <!-- x --><b>bold</b><script>track()</script></p><link rel="next" href="?page=2"><p>After</p></body></html>';
    const copied = privateCopy(parseHtmlDocument(markup));
    const page = parseHtmlDocument(markup);
    expect(stripInPlace(page)).toBe(page);
    expect(page.querySelectorAll('link, svg, path')).toHaveLength(0);
    expect(page.querySelectorAll('script')).toHaveLength(2);
    expect(page.documentElement.outerHTML).toBe(copied.documentElement.outerHTML);
    expect(page.documentElement.outerHTML).not.toContain('<!--');
  });
});

describe('ownsDocument: extraction on a throwaway document instead of a private copy', () => {
  it.each(fixturePages())('gives the same result as on the copy: %s/%s', (...parts) => {
    const html = readFixture(...parts);
    const url = 'https://example.org/news/story';
    const onCopy = extractHtml(html, url, { findNextPage: true });
    const inPlace = extractHtml(html, url, { findNextPage: true, ownsDocument: true });
    expect(inPlace).toEqual(onCopy);
  });
});
