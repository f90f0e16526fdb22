import { strToU8, zipSync, type Zippable } from 'fflate';
import TurndownService from 'turndown';
import type { ExportedArticle } from '../folio-json-format';
import { forEachExported, type ExportBatches, type ExportOptions, type ExportResult } from './export-types';

/** A zip of Markdown files, one per article, each with YAML front matter (Obsidian and friends read it). */

/** JSON strings are valid YAML double-quoted scalars: the simplest correct escaping. */
const yamlString = (value: string) => JSON.stringify(value);
const isoDate = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function frontMatter({ record }: ExportedArticle): string {
  const lines = [
    '---',
    `title: ${yamlString(record.title)}`,
    `url: ${yamlString(record.url)}`,
    record.siteName ? `site: ${yamlString(record.siteName)}` : null,
    record.byline ? `author: ${yamlString(record.byline)}` : null,
    record.publishedTime ? `published: ${yamlString(record.publishedTime)}` : null,
    `saved: ${yamlString(isoDate(record.savedAt)!)}`,
    record.tags.length > 0 ? `tags:\n${record.tags.map((tag) => `  - ${yamlString(tag)}`).join('\n')}` : 'tags: []',
    `archived: ${record.archived === 1}`,
    `favourite: ${record.favourite === 1}`,
    `read: ${record.read === 1}`,
    `progress: ${Math.round(record.progress.percent)}`,
    record.readingMinutes > 0 ? `reading_minutes: ${record.readingMinutes}` : null,
    '---',
  ];
  return lines.filter((line) => line !== null).join('\n');
}

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

function markdownConverter(): TurndownService {
  return new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
}

export function articleMarkdown(article: ExportedArticle, turndown: TurndownService = markdownConverter()): string {
  const body = article.content
    ? turndown.turndown(article.content)
    : `*The article's text was not downloaded yet; read it at <${article.record.url}>.*`;
  const highlights = article.highlights.length
    ? `\n\n## Highlights\n\n${article.highlights.map((h) => `> ${h.selector.exact.replace(/\n/g, '\n> ')}${h.note ? `\n\n${h.note}` : ''}`).join('\n\n')}`
    : '';
  return `${frontMatter(article)}\n\n# ${article.record.title}\n\n${body}${highlights}\n`;
}

export async function exportMarkdownZip(batches: ExportBatches, options: ExportOptions): Promise<ExportResult<Uint8Array>> {
  const turndown = markdownConverter();
  const files: Zippable = {};
  const used = new Set<string>();
  const walked = await forEachExported(batches, options, (article) => {
    const base = slugify(article.record.title);
    let name = `${base}.md`;
    for (let n = 2; used.has(name); n += 1) name = `${base}-${n}.md`;
    used.add(name);
    files[`folio/${name}`] = strToU8(articleMarkdown(article, turndown));
  });
  if (!walked.ok) return walked;
  return { ok: true, value: zipSync(files, { level: 6 }), count: walked.count };
}
