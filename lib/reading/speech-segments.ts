/**
 * What read-aloud speaks: the article's text cut into paragraphs (the unit of previous/next) and each
 * paragraph into sentences (the unit of one utterance: short utterances keep engines from stalling, and
 * the sentence is what gets highlighted when an engine reports no word boundaries). Headings, list items
 * and quotes are paragraphs of their own; captions and code are skipped unless asked for.
 * Offsets are those of buildTextIndex over the same root, so a boundary's charIndex maps to a DOM range.
 */
import type { TextIndex } from './text-index';

export type SegmentKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'caption' | 'code' | 'table';

export interface SpeechSentence {
  start: number;
  end: number;
  text: string;
}

export interface SpeechParagraph {
  kind: SegmentKind;
  start: number;
  end: number;
  sentences: SpeechSentence[];
}

export interface SegmentOptions {
  includeCaptions?: boolean;
  includeCode?: boolean;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'CAPTION', 'PRE', 'DT', 'DD', 'TD', 'TH', 'DIV', 'SECTION', 'ARTICLE', 'ASIDE', 'FIGURE', 'TABLE', 'UL', 'OL', 'DL', 'HEADER', 'FOOTER']);
/** Never spoken: no words in them meant for listening. */
const SILENT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH']);

function kindOf(block: Element | null, root: Node): SegmentKind {
  for (let node: Element | null = block; node && node !== root; node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (tag === 'PRE') return 'code';
    if (tag === 'FIGCAPTION' || tag === 'CAPTION') return 'caption';
  }
  for (let node: Element | null = block; node && node !== root; node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (/^H[1-6]$/.test(tag)) return 'heading';
    if (tag === 'BLOCKQUOTE') return 'quote';
    if (tag === 'LI' || tag === 'DT' || tag === 'DD') return 'list-item';
    if (tag === 'TD' || tag === 'TH') return 'table';
  }
  return 'paragraph';
}

/** The closest block-level element holding `node` below `root` (null: directly in root). */
export function nearestBlock(node: Node, root: Node): Element | null {
  for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
    if (BLOCKS.has(element.tagName.toUpperCase())) return element;
  }
  return null;
}

/** A footnote reference (a superscript in-page link): not read, and a break in the text around it. */
function isNoteReference(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (tag === 'SUP') return element.querySelector('a[href^="#"]') !== null;
  return tag === 'A' && (element.getAttribute('role') ?? '').includes('doc-noteref');
}

function isSilent(node: Node, root: Node): boolean {
  for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
    if (SILENT.has(element.tagName.toUpperCase()) || isNoteReference(element)) return true;
  }
  return false;
}

interface Run {
  start: number;
  end: number;
}

export function segmentForSpeech(index: TextIndex, options: SegmentOptions = {}): SpeechParagraph[] {
  const paragraphs: SpeechParagraph[] = [];
  // One block's text, in runs: a silent piece inside it (a note reference) ends a run.
  let current: { block: Element | null; runs: Run[]; broken: boolean } | null = null;
  const flush = () => {
    if (!current) return;
    const kind = kindOf(current.block, index.root);
    const wanted = (kind !== 'caption' || options.includeCaptions) && (kind !== 'code' || options.includeCode);
    if (wanted) {
      const sentences = current.runs.flatMap((run) => splitSentences(index.text, run.start, run.end));
      if (sentences.length > 0) paragraphs.push({ kind, start: sentences[0]!.start, end: sentences.at(-1)!.end, sentences });
    }
    current = null;
  };
  for (const span of index.spans) {
    if (!span.node.data.trim()) continue;
    const block = nearestBlock(span.node, index.root);
    if (isSilent(span.node, index.root)) {
      if (current && current.block === block) current.broken = true;
      continue;
    }
    if (current && current.block === block) {
      if (current.broken) current.runs.push({ start: span.start, end: span.end });
      else current.runs.at(-1)!.end = span.end;
      current.broken = false;
    } else {
      flush();
      current = { block, runs: [{ start: span.start, end: span.end }], broken: false };
    }
  }
  flush();
  return paragraphs;
}

/** Sentence ends: . ! ? … (and CJK full stops) followed by space or the end, closing quotes allowed. */
const SENTENCE_END = /[.!?…。！？]+["'”’)\]]*(?=\s|$)/g;

/** The sentences of text.slice(start, end), trimmed, with their offsets in `text`. */
export function splitSentences(text: string, start: number, end: number): SpeechSentence[] {
  const slice = text.slice(start, end);
  const sentences: SpeechSentence[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = slice.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) sentences.push({ start: start + from + lead, end: start + from + lead + body.length, text: body });
  };
  for (const match of slice.matchAll(SENTENCE_END)) {
    const to = match.index + match[0].length;
    push(to);
    from = to;
  }
  push(slice.length);
  return sentences;
}

/** The word around `offset` in `text` (for engines that report a boundary's start but no length). */
export function wordAt(text: string, offset: number): { start: number; end: number } {
  let end = offset;
  while (end < text.length && !/\s/.test(text[end]!)) end += 1;
  return { start: offset, end: Math.max(end, offset + 1) };
}
