import { measureText } from '../text';

/**
 * When the page's DOM copy of the story is cut short (a soft paywall removed the rest from the markup)
 * but the page's own JSON-LD `articleBody` holds it whole, the body is rebuilt from that text.
 * Only ever the page's own data: nothing is fetched.
 */

/** The DOM copy counts as truncated below this share of the structured body's words. */
const TRUNCATED_SHARE = 0.8;
/** Structured bodies shorter than this are summaries, not the story. */
const MIN_STRUCTURED_WORDS = 80;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', nbsp: ' ', '#39': "'" };
const BLOCK_TAG = /<\/?(?:p|div|br|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|table|tr)\b[^>]*>/gi;

/**
 * Some CMSs put the article's HTML (sometimes entity-escaped) into `articleBody`; a reader needs its
 * text. Block tags become line breaks, other tags and embedded players' markup go, entities decode.
 */
export function articleBodyText(structuredBody: string): string {
  const decoded = /&lt;\/?[a-z]/i.test(structuredBody) ? structuredBody.replace(/&(lt|gt|quot|apos|amp|nbsp|#39);/g, (_m, name: string) => ENTITIES[name] ?? '') : structuredBody;
  if (!/<\/?[a-z][^>]*>/i.test(decoded)) return structuredBody;
  return decoded
    .replace(/<(script|style|iframe)\b[\s\S]*?<\/\1>/gi, '')
    .replace(BLOCK_TAG, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|apos|amp|nbsp|#39);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

export function isTruncated(domText: string, structuredBody: string | null): boolean {
  if (!structuredBody) return false;
  const structuredWords = measureText(structuredBody).words;
  if (structuredWords < MIN_STRUCTURED_WORDS) return false;
  return measureText(domText).words < structuredWords * TRUNCATED_SHARE;
}

/** Splits the structured body into paragraphs: at its own line breaks, else after the DOM's paragraphs. */
export function structuredParagraphs(structuredBody: string, domParagraphs: string[]): string[] {
  const byLines = structuredBody
    .split(/\n+/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (byLines.length > 1) return byLines;
  // One long line: cut it where the visible paragraphs ended, so their breaks survive.
  const paragraphs: string[] = [];
  let rest = structuredBody.replace(/\s+/g, ' ').trim();
  for (const paragraph of domParagraphs) {
    const text = paragraph.replace(/\s+/g, ' ').trim();
    if (!text || !rest.startsWith(text)) break;
    paragraphs.push(text);
    rest = rest.slice(text.length).trim();
  }
  if (rest) paragraphs.push(rest);
  return paragraphs;
}

/** Builds the replacement body: the DOM's figures before the first paragraph are kept. */
export function buildStructuredBody(doc: Document, paragraphs: string[], leadingMedia: Element[]): Element {
  const body = doc.createElement('div');
  for (const media of leadingMedia) body.appendChild(media.cloneNode(true));
  for (const text of paragraphs) {
    const paragraph = doc.createElement('p');
    paragraph.textContent = text;
    body.appendChild(paragraph);
  }
  return body;
}
