import { countWords } from './count-words';

/** Elements after which a reader sees a line break; text on either side must not run together. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P',
  'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Elements whose text a reader never sees. */
const UNSHOWN_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/**
 * The text of `root`, one block a line (textContent glues `<p>a</p><p>b</p>` into "ab", which breaks
 * word counts and the benchmark's shingles). Whitespace inside a block is collapsed; `pre` keeps its own.
 */
export function blockText(root: Node): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    // Called at both edges of every block, most often with nothing gathered since the last edge.
    if (!current) return;
    const line = current.replace(/[ \t\f\r\n\u00a0]+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  walkShownText(root, {
    text(data) {
      current += data;
    },
    code(text) {
      flush();
      const code = text.replace(/\s+$/, '');
      if (code) lines.push(code);
    },
    edge: flush,
  });
  flush();
  return lines.join('\n');
}

/**
 * `blockText(root).replace(/\s+/g, ' ').trim()`: the text as one line, its blocks joined by spaces. Built
 * in one pass, a space at each block's edges and one squash at the end, where the line rules asked for
 * it on every short block and paid a squash per block, an array of lines and a second squash.
 */
export function blockTextAsLine(root: Node): string {
  let line = '';
  walkShownText(root, {
    text(data) {
      line += data;
    },
    code(text) {
      line += ` ${text} `;
    },
    edge() {
      line += ' ';
    },
  });
  return line.replace(/\s+/g, ' ').trim();
}

/** What a walk over the text a reader sees meets, in order. */
interface ShownTextVisitor {
  /** A text node's data. */
  text(data: string): void;
  /** A code block's whole text, whitespace as written. */
  code(text: string): void;
  /** The start or the end of a block. */
  edge(): void;
}

/** Walks the text of `root` a reader sees: scripts, styles, templates and noscript left out, a `pre` read whole. */
function walkShownText(root: Node, visitor: ShownTextVisitor): void {
  const visit = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      visitor.text(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (UNSHOWN_TAGS.has(tag)) return;
    if (tag === 'PRE') {
      visitor.code(node.textContent ?? '');
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) visitor.edge();
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (isBlock) visitor.edge();
  };
  visit(root);
}

/** CJK scripts are read by character, not by space-separated word. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/**
 * UTF-16 code units every CJK_CHAR match holds one of (the blocks of those scripts; surrogates for the
 * astral ones): a text without any has no CJK character, known without matching script properties
 * character by character over the whole text. Curly quotes and dashes (U+2000 block) are not among them.
 */
export const MAY_HOLD_CJK = /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\ud800-\udfff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

export interface TextSize {
  words: number;
  cjkCharacters: number;
}

export function measureText(text: string): TextSize {
  const cjkCharacters = MAY_HOLD_CJK.test(text) ? (text.match(CJK_CHAR)?.length ?? 0) : 0;
  const withoutCjk = cjkCharacters > 0 ? text.replace(CJK_CHAR, ' ') : text;
  return { words: countWords(withoutCjk), cjkCharacters };
}

/** Average silent reading speeds: about 230 words a minute, about 500 CJK characters a minute. */
const WORDS_PER_MINUTE = 230;
const CJK_CHARACTERS_PER_MINUTE = 500;

export function readingMinutes(size: TextSize): number {
  const minutes = size.words / WORDS_PER_MINUTE + size.cjkCharacters / CJK_CHARACTERS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}

/** Word count as a reader would count it: words plus CJK characters. */
export function wordCount(size: TextSize): number {
  return size.words + size.cjkCharacters;
}
