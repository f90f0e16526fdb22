import type { DetectionSignals } from '../extract/detect';
import type { Article, ExtractDebug, ExtractResult } from '../extract/types';
import type { LoadedPage, LoadNextPageOptions } from '../multipage/load-next-page';
import { sendMessage } from '../messaging';

/**
 * The reader comes in four scripts so that no single one freezes the page while it is evaluated
 * (issue 6: never more than 200 ms). The background injects the first (reader.js: decide where the
 * page is read, copy a big page's markup); that one asks for the others only when it needs them:
 * the extraction pipeline (reader-extract.js) for a page read in place, the overlay to show anything:
 * React (reader-react.js), then the overlay itself (reader-overlay.js), each injected on its own so
 * each is its own task (lib/content/reader-react-globals.ts). A big page is read elsewhere, so its
 * tab never evaluates the pipeline. All run in the same isolated world, where they find each other
 * on its global object.
 */
export const READER_PART_FILES = {
  extract: ['/content-scripts/reader-extract.js'],
  overlay: ['/content-scripts/reader-react.js', '/content-scripts/reader-overlay.js'],
} as const;

export type ReaderPartName = keyof typeof READER_PART_FILES;

export interface Explanation {
  debug: ExtractDebug;
  signals: DetectionSignals;
}

/**
 * reader-extract.js: the pipeline (Readability, DOMPurify, Folio's rules), run on the live page, and
 * what else needs it in the page: a multi-page story's next pages. The overlay asks for it only then.
 */
export interface ExtractPart {
  extract(doc: Document, url: string): ExtractResult;
  /** "Why does it look like this?": a fresh run with debug output; null when there is none. */
  explain(doc: Document, url: string): Explanation | null;
  /** A multi-page story's next page, fetched and extracted (lib/multipage/load-next-page.ts). */
  loadNextPage(url: string, options: LoadNextPageOptions): Promise<LoadedPage>;
  /** The story so far with that page added, its part sanitized (lib/multipage/append-page.ts). */
  appendPage(shown: Article, page: Article, pageNumber: number, win: Window): Article;
}

/** What the overlay opens on: an extraction already done, or one under way elsewhere. */
export type OverlayContent =
  | { kind: 'result'; result: ExtractResult }
  | { kind: 'reading'; elements: number; textLength: number; reading: Promise<ExtractResult>; retry: () => Promise<ExtractResult> };

/** reader-overlay.js: the overlay's controller. */
export interface OverlayPart {
  isOpen(): boolean;
  open(content: OverlayContent): Promise<void>;
  close(): void;
}

interface ReaderParts {
  extract?: ExtractPart;
  overlay?: OverlayPart;
}

type PartOf<N extends ReaderPartName> = NonNullable<ReaderParts[N]>;

const GLOBAL_KEY = '__folioReaderParts';

function parts(): ReaderParts {
  const world = globalThis as { [GLOBAL_KEY]?: ReaderParts };
  return (world[GLOBAL_KEY] ??= {});
}

/** Called by a part's script when it has been evaluated. */
export function provideReaderPart<N extends ReaderPartName>(name: N, part: PartOf<N>): void {
  parts()[name] = part;
}

/** The part if it is loaded already (no message, no waiting). */
export function loadedReaderPart<N extends ReaderPartName>(name: N): PartOf<N> | undefined {
  return parts()[name] as PartOf<N> | undefined;
}

/**
 * The part, injected by the background on first use (scripting.executeScript answers once the
 * script has run, and a part's script provides itself synchronously). Rejects when it could not load.
 */
export async function loadReaderPart<N extends ReaderPartName>(name: N): Promise<PartOf<N>> {
  const loaded = loadedReaderPart(name);
  if (loaded) return loaded;
  await sendMessage('loadReaderPart', { part: name });
  const part = loadedReaderPart(name);
  if (!part) throw new Error(`Folio's reader part "${name}" did not load.`);
  return part;
}
