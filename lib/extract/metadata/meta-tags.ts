/** Reads `<meta>` values by property or name, first match wins, in the order given. */
export function readMeta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const element = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = element?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return null;
}
