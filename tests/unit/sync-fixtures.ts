import type { LibraryIndexEntry } from '../../lib/sync';
import { decodeItem, isDataKey } from '../../lib/sync/item-codec';
import { createRng } from './sync-simulator';

/** Made-up words (seeded), so titles and slugs compress about as much as real text, not like a template. */
function words(seed: number, count: number): string[] {
  const rng = createRng(seed);
  const consonants = 'bcdfghklmnprstvw';
  const vowels = 'aeiou';
  return Array.from({ length: count }, () => {
    let w = '';
    const syllables = 1 + Math.floor(rng() * 3);
    for (let s = 0; s < syllables; s++) w += (consonants[Math.floor(rng() * consonants.length)] as string) + (vowels[Math.floor(rng() * vowels.length)] as string);
    return w;
  });
}

/** A realistic-looking article for tests: a news-style URL with a slug, and a headline. */
export function article(i: number, overrides: Partial<LibraryIndexEntry> = {}): Omit<LibraryIndexEntry, 'deleted' | 'savedAt'> & { savedAt?: number } {
  const sites = ['The New York Times', 'The Guardian', 'Ars Technica', 'BBC News', 'Wired'];
  const hosts = ['www.nytimes.com', 'www.theguardian.com', 'arstechnica.com', 'www.bbc.co.uk', 'www.wired.com'];
  const k = i % sites.length;
  const headline = words(i + 1, 9);
  return {
    url: `https://${hosts[k]}/2026/11/${String((i % 28) + 1).padStart(2, '0')}/${headline.slice(0, 6).join('-')}-${i}.html`,
    title: `${headline.join(' ')} (${i})`,
    site: sites[k] as string,
    tags: i % 3 === 0 ? ['reading', 'work'] : [],
    archived: false,
    favourite: false,
    progress: 0,
    ...overrides,
  };
}

/** URLs of every article stored under the engine's keys in a storage map. */
export function storedUrls(items: Iterable<[string, { value: unknown }]>): string[] {
  const urls: string[] = [];
  for (const [key, { value }] of items) if (isDataKey(key)) urls.push(...decodeItem(value).entries.map((e) => e.url));
  return urls;
}
