/**
 * What the quality benchmark keeps of each extractor's result: the few strings the scorer needs. In the
 * browser mode the page sends only this back to Node (not the whole result), and the Node mode goes
 * through the same step, so both score exactly the same fields. Browser-safe (types only from lib/).
 */
import type { ExtractResult } from '../../lib/extract/index.ts';

export const EXTRACTOR_NAMES = ['folio', 'readability', 'defuddle'] as const;
export type ExtractorName = (typeof EXTRACTOR_NAMES)[number];

export interface ExtractorOutput {
  /** 'ok', or the extractor's own failure reason (Folio's refusals: 'not-article', 'empty', …). */
  status: string;
  /** The extractor's article HTML ('' when none): scored through the shared html→text helper. */
  html: string;
  /** Folio only: its own plain text, one block a line, which the table scores. */
  text?: string;
  /** Folio only, on a page it refused: the text of what "show it anyway" would show. */
  bestEffortText?: string;
}

/** Readability's and Defuddle's results both carry their article as `content` HTML. */
function htmlOutput(result: unknown): ExtractorOutput {
  return { status: 'ok', html: (result as { content?: string | null } | null)?.content ?? '' };
}

function folioOutput(result: unknown): ExtractorOutput {
  const folio = result as ExtractResult;
  if (!folio.ok) return { status: folio.reason, html: '', bestEffortText: folio.bestEffort?.textContent ?? '' };
  return { status: 'ok', html: folio.article.content, text: folio.article.textContent };
}

export function extractorOutput(name: ExtractorName, result: unknown): ExtractorOutput {
  return name === 'folio' ? folioOutput(result) : htmlOutput(result);
}
