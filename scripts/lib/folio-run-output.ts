/**
 * One Folio extraction as bench:folio-steps keeps it, in Node and in the Chromium page alike: what a
 * caller gets (compared page by page by `--against`) and the pipeline's per-step timings (`--steps`).
 * Browser-safe: the page harness (scripts/bench-browser/) builds the same record and sends it to Node.
 */
import type { ExtractResult } from '../../lib/extract/index.ts';

export type FolioPageOutput = Record<string, unknown>;

export interface FolioRun {
  output: FolioPageOutput;
  /** The debug trace's timings by step (`prepare:remove-…`, `sanitize`, …); empty without the trace. */
  timingsMs: Record<string, number>;
}

/** What a caller gets from one extraction, minus the debug trace (its timings differ every run). */
function outputOf(result: ExtractResult): FolioPageOutput {
  if (result.ok) return { ok: true, ...result.article, nextPageUrl: result.nextPageUrl ?? null };
  return { ok: false, reason: result.reason, detail: result.detail, bestEffort: result.bestEffort ?? null };
}

export function folioRun(result: ExtractResult): FolioRun {
  return { output: outputOf(result), timingsMs: { ...(result.debug?.timingsMs ?? {}) } };
}
