/**
 * One timed extraction, done the same way in Node and in the browser page (scripts/bench-browser/):
 * the parse is timed on its own, only the extractor call counts as extraction time, and whatever the
 * extractor logs is muted for every extractor alike (Defuddle prints a stack for every page with
 * malformed JSON-LD; in a page with DevTools attached each message would also cost serialising).
 * Needs nothing but `performance` and `console`, so the page bundle can import it.
 */
import { extractorOutput, type ExtractorName, type ExtractorOutput } from './bench-extractor-output.ts';

export interface ExtractorSteps<D> {
  parse(html: string, url: string): D;
  extract(doc: D, url: string): unknown;
}

export interface TimedExtraction {
  result: unknown;
  parseMs: number;
  extractMs: number;
  /** The message of what the extractor threw; `result` is then undefined. */
  error?: string;
  /** Console messages the extractor wrote during the call (muted). */
  mutedMessages: number;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Silences the console and counts what it was given; returns the function that restores it and reads the count. */
function muteConsole(): () => number {
  let muted = 0;
  const saved = CONSOLE_METHODS.map((method) => [method, console[method]] as const);
  for (const method of CONSOLE_METHODS) console[method] = () => void muted++;
  return () => {
    for (const [method, original] of saved) console[method] = original;
    return muted;
  };
}

export function timeExtraction<D>(steps: ExtractorSteps<D>, html: string, url: string): TimedExtraction {
  const parseStart = performance.now();
  const doc = steps.parse(html, url);
  const parseMs = performance.now() - parseStart;
  let result: unknown;
  let error: string | undefined;
  const restoreConsole = muteConsole();
  const extractStart = performance.now();
  try {
    result = steps.extract(doc, url);
  } catch (thrown) {
    error = (thrown as Error)?.message ?? String(thrown);
  }
  const extractMs = performance.now() - extractStart;
  const mutedMessages = restoreConsole();
  return { result, parseMs, extractMs, mutedMessages, ...(error === undefined ? {} : { error }) };
}

/** A timed extraction with its result already cut down to what the scorer reads (sent as is from the page to Node). */
export interface MeasuredExtraction {
  output: ExtractorOutput;
  parseMs: number;
  extractMs: number;
  error?: string;
  mutedMessages: number;
}

export function measureExtraction<D>(name: ExtractorName, steps: ExtractorSteps<D>, html: string, url: string): MeasuredExtraction {
  const { result, error, ...timings } = timeExtraction(steps, html, url);
  if (error !== undefined) return { output: { status: 'error', html: '' }, error, ...timings };
  return { output: extractorOutput(name, result), ...timings };
}
