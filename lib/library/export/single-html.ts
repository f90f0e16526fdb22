import type { ExportedArticle } from '../folio-json-format';
import { forEachExported, type ExportBatches, type ExportOptions, type ExportResult } from './export-types';

/** One self-contained HTML file: a contents list, then every article (bodies are already sanitized). */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font:18px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;color:#222;background:#fdfdfb}
article{border-top:1px solid #ccc;margin-top:3em;padding-top:1em}img{max-width:100%;height:auto}
.meta{color:#666;font:14px/1.4 system-ui,sans-serif}pre{overflow:auto}nav li{margin:.2em 0}`;

function articleSection(article: ExportedArticle, index: number): string {
  const { record } = article;
  const meta = [record.siteName, record.byline, new Date(record.savedAt).toISOString().slice(0, 10), record.tags.length ? `tags: ${record.tags.join(', ')}` : null]
    .filter((part): part is string => Boolean(part))
    .map(escapeHtml)
    .join(' · ');
  const body = article.content ?? `<p><em>Not downloaded yet.</em></p>`;
  return `<article id="a${index}" lang="${escapeHtml(record.lang ?? '')}" dir="${record.dir ?? 'auto'}">
<h1>${escapeHtml(record.title)}</h1>
<p class="meta">${meta} · <a href="${escapeHtml(record.url)}">original</a></p>
${body}
</article>`;
}

export async function exportSingleHtml(batches: ExportBatches, options: ExportOptions): Promise<ExportResult<string[]>> {
  const contents: string[] = [];
  const sections: string[] = [];
  const walked = await forEachExported(batches, options, (article, index) => {
    contents.push(`<li><a href="#a${index}">${escapeHtml(article.record.title)}</a></li>`);
    sections.push(articleSection(article, index));
  });
  if (!walked.ok) return walked;
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const head = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src * data:; style-src 'unsafe-inline'">
<title>Folio library (${date})</title><style>${STYLE}</style></head><body>
<h1>Folio library</h1><p class="meta">${walked.count} articles, exported ${date}</p><nav><ol>${contents.join('')}</ol></nav>`;
  return { ok: true, value: [head, ...sections, '</body></html>\n'], count: walked.count };
}
