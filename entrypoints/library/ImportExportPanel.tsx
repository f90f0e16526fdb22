import { useRef, useState } from 'react';
import { ProgressBar } from '@/components/library/ProgressBar';
import type { ExportResult } from '@/lib/library/export/export-types';
import { exportFolioJson } from '@/lib/library/export/folio-json';
import { exportMarkdownZip } from '@/lib/library/export/markdown-zip';
import { exportSingleHtml } from '@/lib/library/export/single-html';
import { downloadArticle } from '@/lib/library/download-article';
import { parseImportFile, SOURCE_OF_FORMAT } from '@/lib/library/import/parse-import-file';
import type { SkippedEntry } from '@/lib/library/import/import-types';
import { requestAllSitesAccess } from '@/lib/permissions/all-sites-access';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { libraryDb } from '@/lib/storage/db';
import { storeDownloadedContent } from '@/lib/storage/library-repo';
import { cacheImagesIfWanted } from '@/lib/library/offline-images/cache-when-wanted';
import { readArticlesForExport } from '@/lib/storage/library-repo-export';
import type { UnreadableRecord } from '@/lib/storage/record-check';
import { importItems, listPendingContent } from '@/lib/storage/library-repo-import';
import { countArticles } from '@/lib/storage/library-repo-query';

interface Report {
  kind: 'ok' | 'error';
  message: string;
  skipped?: SkippedEntry[];
}

type Task = { label: string; done: number; total: number; controller: AbortController } | null;

const DOWNLOAD_CONCURRENCY = 3;

function saveFile(parts: BlobPart[], name: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Import (Folio JSON, Pocket, Instapaper, bookmarks), export (JSON, Markdown zip, HTML) and "download all". */
export function ImportExportPanel({ onChanged }: { onChanged: () => void }) {
  const [report, setReport] = useState<Report | null>(null);
  const [task, setTask] = useState<Task>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (file: File) => {
    setReport(null);
    // Each step is a performance measure, read by the benchmark (scripts/bench-library.ts).
    let mark = performance.now();
    const step = (name: string) => {
      performance.measure(`folio:import-${name}`, { start: mark });
      mark = performance.now();
    };
    const text = await file.text();
    step('read');
    const parsed = parseImportFile(file.name, text, (html) => sanitizeArticleHtml(html, window));
    step('parse');
    if (!parsed.ok) {
      setReport({ kind: 'error', message: `Nothing was imported. ${parsed.message}` });
      return;
    }
    const stored = await importItems(libraryDb(), parsed.items, SOURCE_OF_FORMAT[parsed.format]);
    step('store');
    if (!stored.ok) {
      setReport({ kind: 'error', message: `Nothing was imported. ${stored.error.message}`, skipped: parsed.skipped });
      return;
    }
    const { added, updated, pending } = stored.value;
    const skippedNote = parsed.skipped.length ? ` Skipped ${parsed.skipped.length} (listed below).` : '';
    const pendingNote = pending.length ? ` ${pending.length} to download: each is fetched when first opened, or use “Download all”.` : '';
    setReport({ kind: 'ok', message: `Imported ${added} new, updated ${updated}.${skippedNote}${pendingNote}`, skipped: parsed.skipped });
    onChanged();
  };

  const runExport = async (kind: 'json' | 'markdown' | 'html') => {
    const total = await countArticles(libraryDb());
    if (!total.ok) return setReport({ kind: 'error', message: total.error.message });
    const controller = new AbortController();
    setTask({ label: 'Exporting', done: 0, total: total.value, controller });
    const options = { total: total.value, signal: controller.signal, onProgress: (done: number) => setTask((t) => t && { ...t, done }) };
    const skipped: UnreadableRecord[] = [];
    const batches = readArticlesForExport(libraryDb(), undefined, skipped);
    const date = new Date().toISOString().slice(0, 10);
    let result: ExportResult<BlobPart[]>;
    if (kind === 'json') result = await exportFolioJson(batches, options);
    else if (kind === 'html') result = await exportSingleHtml(batches, options);
    else {
      const zip = await exportMarkdownZip(batches, options);
      result = zip.ok ? { ...zip, value: [zip.value as Uint8Array<ArrayBuffer>] } : zip;
    }
    setTask(null);
    if (!result.ok) return setReport({ kind: 'error', message: result.message });
    const [name, type] =
      kind === 'json' ? [`folio-library-${date}.json`, 'application/json'] : kind === 'html' ? [`folio-library-${date}.html`, 'text/html'] : [`folio-library-${date}.zip`, 'application/zip'];
    saveFile(result.value, name, type);
    const unreadable = skipped.length
      ? ` ${skipped.length} item${skipped.length === 1 ? '' : 's'} could not be read and ${skipped.length === 1 ? 'was' : 'were'} left out or exported without a body: ${skipped.slice(0, 5).map((s) => `${s.id} (${s.reason})`).join(', ')}${skipped.length > 5 ? '…' : ''}.`
      : '';
    setReport({ kind: 'ok', message: `Exported ${result.count} articles to ${name}.${unreadable}` });
  };

  const downloadAll = async () => {
    if (!(await requestAllSitesAccess())) {
      setReport({ kind: 'error', message: 'Folio needs permission to read web pages to download articles.' });
      return;
    }
    const pending = await listPendingContent(libraryDb());
    if (!pending.ok) return setReport({ kind: 'error', message: pending.error.message });
    const controller = new AbortController();
    setTask({ label: 'Downloading', done: 0, total: pending.value.length, controller });
    const queue = [...pending.value];
    let done = 0;
    let failed = 0;
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !controller.signal.aborted; id = queue.shift()) {
        const outcome = await downloadArticle(id, { signal: controller.signal });
        if (controller.signal.aborted) return;
        await storeDownloadedContent(libraryDb(), id, outcome);
        if (!outcome.ok) failed += 1;
        done += 1;
        setTask((t) => t && { ...t, done });
        // Counted as downloaded already; its images (when kept for offline reading) before the next article.
        if (outcome.ok) await cacheImagesIfWanted(libraryDb(), id).catch(() => null);
      }
    };
    await Promise.all(Array.from({ length: DOWNLOAD_CONCURRENCY }, worker));
    setTask(null);
    const stopped = controller.signal.aborted ? ' Stopped; the rest stay to download.' : '';
    setReport({ kind: failed ? 'error' : 'ok', message: `Downloaded ${done - failed} of ${pending.value.length}.${failed ? ` ${failed} failed (marked “download failed”).` : ''}${stopped}` });
    onChanged();
  };

  return (
    <section className="folio-panel" aria-labelledby="import-export-heading">
      <h2 id="import-export-heading">Import and export</h2>
      <div className="folio-panel-row">
        <button type="button" onClick={() => fileInput.current?.click()} disabled={task !== null}>
          Import a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".json,.csv,.html,.htm"
          aria-label="Import file"
          data-testid="import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button type="button" onClick={() => void downloadAll()} disabled={task !== null}>
          Download all
        </button>
      </div>
      <div className="folio-panel-row">
        <span>Export:</span>
        <button type="button" onClick={() => void runExport('json')} disabled={task !== null}>
          Folio JSON
        </button>
        <button type="button" onClick={() => void runExport('markdown')} disabled={task !== null}>
          Markdown (zip)
        </button>
        <button type="button" onClick={() => void runExport('html')} disabled={task !== null}>
          One HTML file
        </button>
      </div>
      {task && <ProgressBar label={task.label} done={task.done} total={task.total} onStop={() => task.controller.abort()} />}
      {report && (
        <div role={report.kind === 'error' ? 'alert' : 'status'} className={`folio-report is-${report.kind}`}>
          <p>{report.message}</p>
          {report.skipped && report.skipped.length > 0 && (
            <ul className="folio-skipped">
              {report.skipped.map((entry) => (
                <li key={`${entry.line}-${entry.reason}`}>
                  Line {entry.line}: {entry.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
