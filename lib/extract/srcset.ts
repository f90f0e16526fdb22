/** One candidate of a `srcset` attribute: its address and its descriptor as written (`800w`, `2x`, or ''). */
export interface SrcsetEntry {
  url: string;
  descriptor: string;
}

/**
 * The candidates of a srcset attribute, read as the HTML standard does: a URL is a run of non-spaces (it
 * may hold commas, as image-CDN addresses like `/w_300,h_200/a.jpg` do); a comma right after it, or after
 * its descriptor, ends the candidate. Splitting on every comma would cut such addresses in two.
 */
export function srcsetEntries(srcset: string): SrcsetEntry[] {
  const entries: SrcsetEntry[] = [];
  const pattern = /[\s,]*(\S+)/y;
  let position = 0;
  while (position < srcset.length) {
    pattern.lastIndex = position;
    const match = pattern.exec(srcset);
    if (!match) break;
    let url = match[1]!;
    position = pattern.lastIndex;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const end = srcset.indexOf(',', position);
      descriptor = srcset.slice(position, end === -1 ? srcset.length : end).trim();
      position = end === -1 ? srcset.length : end + 1;
    }
    if (url) entries.push({ url, descriptor });
  }
  return entries;
}

export function srcsetText(entries: readonly SrcsetEntry[]): string {
  return entries.map(({ url, descriptor }) => (descriptor ? `${url} ${descriptor}` : url)).join(', ');
}
