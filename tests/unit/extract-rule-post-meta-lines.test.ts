import { describe, expect, it } from 'vitest';
import { isPostMetaLine } from '@/lib/extract/rules/remove-post-meta-lines';
import { extractHtml, readFixture } from '../helpers/fixtures';

describe('remove-post-meta-lines: which lines describe the post', () => {
  it.each([
    ['Tags: brexit, europe, trade', 0],
    ['Filed under: Politics |', 0.6],
    ['Posted in News, Politics', 1],
    ['Tags calendario 2018, interlagos', 0.9],
    ['5 min read', 0],
    ['Reading time: 3 minutes', 0],
    ['Tempo de leitura: 1 minuto', 0],
    ['05/10/2018 - Publicado por: Ana Souza - Categoria: Saúde - Tags: hospital', 0],
  ] as const)('%s', (line, linkShare) => {
    expect(isPostMetaLine(line, linkShare)).toBe(true);
  });

  it.each([
    ['Tags are used by the site to group stories.', 0],
    ['Tags calendario 2018, interlagos', 0],
    ['Topics we discussed were many.', 0],
    ['Categories matter for search engines, he said.', 0],
    ['Reading time is down across the country', 0],
    ['Topic: Is the tax fair?', 0],
  ] as const)('keeps "%s"', (line, linkShare) => {
    expect(isPostMetaLine(line, linkShare)).toBe(false);
  });
});

describe('remove-post-meta-lines on a page', () => {
  it("drops the post's tags, categories, fields and reading time; keeps the story's sentences using the same words", () => {
    const result = extractHtml(readFixture('rules', 'post-meta-lines.html'), 'https://corridas.example/calendario-2018/');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    for (const meta of ['Publicado por', 'Tempo de leitura', 'calendario 2018, interlagos', 'Filed under']) expect(text).not.toContain(meta);
    expect(text).toContain('A categoria divulgou nesta segunda-feira');
    expect(text).toContain('Categories matter to the organisers');
    expect(text).toContain('A abertura será em março');
  });
});
