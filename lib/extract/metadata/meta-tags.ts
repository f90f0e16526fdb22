/** The page's `<meta>` elements by each `property`, `name` and `itemprop` value; the first in document order wins. */
export type MetaIndex = ReadonlyMap<string, Element>;

const KEY_ATTRIBUTES = ['property', 'name', 'itemprop'] as const;

/**
 * One pass over the page's `<meta>` elements. Reading the metadata asks for some 25 keys; a document-wide
 * selector query per key walked the whole page 25 times.
 */
export function indexMeta(doc: Document): MetaIndex {
  const index = new Map<string, Element>();
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    for (const attribute of KEY_ATTRIBUTES) {
      const key = meta.getAttribute(attribute);
      if (key !== null && !index.has(key)) index.set(key, meta);
    }
  }
  return index;
}

/**
 * Reads `<meta>` values by property or name, in the order given: for each key, the first element whose
 * `property`, `name` or `itemprop` is that key; an empty value moves on to the next key.
 */
export function readMeta(index: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = index.get(key)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}
