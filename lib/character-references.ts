/**
 * The common HTML character references in text read without a DOM: JSON-LD text ("&#163;71.6m",
 * "Q&amp;A": templates often run the headline through their HTML escaper before writing it into the
 * script, and the reader would then print "&#163;" in the header) and a bookmark file's titles and
 * attributes (lib/library/import/netscape-html.ts). A numeric reference beyond Unicode stays as written
 * rather than throwing (`String.fromCodePoint` throws on it: one such title used to fail a whole import).
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const REFERENCE = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const MAX_CODE_POINT = 0x10ffff;

function fromCode(code: number, original: string): string {
  return code > 0 && code <= MAX_CODE_POINT ? String.fromCodePoint(code) : original;
}

export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (original, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (decimal) return fromCode(Number.parseInt(decimal, 10), original);
    if (hex) return fromCode(Number.parseInt(hex, 16), original);
    return NAMED[(name ?? '').toLowerCase()] ?? original;
  });
}
