import type { LibraryIndexEntry } from '../../lib/sync';

/** A realistic-looking article for tests (news-style URL and headline). */
export function article(i: number, overrides: Partial<LibraryIndexEntry> = {}): Omit<LibraryIndexEntry, 'deleted' | 'savedAt'> & { savedAt?: number } {
  const sites = ['The New York Times', 'The Guardian', 'Ars Technica', 'BBC News', 'Wired'];
  const hosts = ['www.nytimes.com', 'www.theguardian.com', 'arstechnica.com', 'www.bbc.co.uk', 'www.wired.com'];
  const k = i % sites.length;
  return {
    url: `https://${hosts[k]}/2026/11/${String((i % 28) + 1).padStart(2, '0')}/section/article-about-topic-number-${i}-with-a-longish-slug.html`,
    title: `Article ${i}: a headline of ordinary length about something that happened today`,
    site: sites[k] as string,
    tags: i % 3 === 0 ? ['reading', 'work'] : [],
    archived: false,
    favourite: false,
    progress: 0,
    ...overrides,
  };
}
