/** Reading the article-extraction benchmark's files: ground truth, stored outputs and the gzipped pages. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface BenchPage {
  id: string;
  url: string;
  articleBody: string;
}

interface StoredBody {
  articleBody?: string;
  url?: string;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The pages in ground-truth order (the file's key order, as `evaluate.py` iterates it). */
export function loadGroundTruth(datasetDir: string): BenchPage[] {
  const data = readJson(join(datasetDir, 'ground-truth.json')) as Record<string, StoredBody>;
  return Object.entries(data).map(([id, body]) => ({
    id,
    url: body.url ?? '',
    articleBody: body.articleBody ?? '',
  }));
}

/** A published system's stored outputs (`published-outputs/<name>.json`, shaped `{ output: { id: { articleBody } } }`). */
export function loadPublishedOutput(datasetDir: string, name: string): Map<string, string> {
  const data = readJson(join(datasetDir, 'published-outputs', `${name}.json`)) as { output?: Record<string, StoredBody> };
  return new Map(Object.entries(data.output ?? {}).map(([id, body]) => [id, body.articleBody ?? '']));
}

export function readPageHtml(datasetDir: string, id: string): string {
  return gunzipSync(readFileSync(join(datasetDir, 'html', `${id}.html.gz`))).toString('utf8');
}
