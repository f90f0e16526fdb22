/**
 * Extractor HTML → plain text, one block a line. Every extractor in the quality benchmark goes through
 * this one function so none is favoured: `textContent` would glue `<p>a</p><p>b</p>` into `ab` and cost
 * shingles at every block boundary, which the benchmark's human-marked truth does not have.
 */
import { parseHTML } from 'linkedom';

/** Elements that start a new line when rendered (CSS display block, list-item, table parts). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Never rendered as text. */
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript', 'head']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

function collect(node: Node, out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) {
      out.push((child as CharacterData).data);
    } else if (child.nodeType === ELEMENT_NODE) {
      const tag = (child as Element).localName.toLowerCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      if (tag === 'br') {
        out.push('\n');
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) out.push('\n');
      collect(child, out);
      if (block) out.push('\n');
    }
  }
}

/** Collapses spaces inside each line and drops empty lines. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** The rendered text of a node's subtree, one block a line. */
export function blockText(root: Node): string {
  const out: string[] = [];
  collect(root, out);
  return tidyLines(out.join(''));
}

/** The rendered text of an HTML fragment (an extractor's `content`), one block a line. */
export function htmlToBlockText(html: string): string {
  if (!html) return '';
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return blockText(document.body ?? document.documentElement);
}
