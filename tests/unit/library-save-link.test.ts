import { describe, expect, it, vi } from 'vitest';
import type { Article } from '@/lib/extract/types';
import { serviceFailure, type ServiceResult } from '@/lib/extract-service/types';
import { saveLink, type SaveLinkDeps, type SaveLinkProgress } from '@/lib/library/save-link';
import type { SafeHtml } from '@/lib/sanitize';

const ARTICLE: Article = {
  url: 'https://news.example/keepers',
  title: 'The keepers of Fair Isle',
  byline: null,
  siteName: 'The Northern Almanac',
  siteIcon: null,
  publishedTime: null,
  lang: 'en',
  dir: null,
  excerpt: null,
  leadImage: null,
  content: '<p>For ninety years…</p>' as SafeHtml,
  textContent: 'For ninety years…',
  wordCount: 300,
  readingMinutes: 2,
};

function deps(overrides: Partial<SaveLinkDeps> & { extracted?: ServiceResult } = {}) {
  const reports: SaveLinkProgress[] = [];
  const all: SaveLinkDeps = {
    permitted: Promise.resolve(true),
    extract: vi.fn(async () => overrides.extracted ?? { ok: true as const, article: ARTICLE }),
    saveArticle: vi.fn(async () => ({ ok: true as const, id: 'https://news.example/keepers', created: true })),
    saveLinkOnly: vi.fn(async () => ({ ok: true as const })),
    report: (progress) => void reports.push(progress),
    ...overrides,
  };
  return { deps: all, reports };
}

describe('Save link to Folio', () => {
  it('reads the linked page, saves its article, and says so', async () => {
    const { deps: d, reports } = deps();
    expect(await saveLink('https://news.example/keepers?utm_source=feed#top', 'Keepers', d)).toBe('saved');
    expect(d.extract).toHaveBeenCalledWith('https://news.example/keepers');
    expect(d.saveArticle).toHaveBeenCalledWith(ARTICLE, 'https://news.example/keepers');
    expect(d.saveLinkOnly).not.toHaveBeenCalled();
    expect(reports).toEqual([
      { state: 'working', text: 'Saving to Folio: reading news.example…' },
      { state: 'done', text: 'Saved to Folio ✓ The keepers of Fair Isle' },
    ]);
  });

  it('keeps the link alone, and says why, when Folio may not read other sites', async () => {
    const { deps: d, reports } = deps({ permitted: Promise.resolve(false) });
    expect(await saveLink('https://news.example/keepers', '  Keepers  ', d)).toBe('link-only');
    expect(d.extract).not.toHaveBeenCalled();
    expect(d.saveLinkOnly).toHaveBeenCalledWith('https://news.example/keepers', 'Keepers', null);
    expect(reports).toEqual([{ state: 'error', text: 'Saved the link only: Folio has no permission to read other sites. Its article downloads when you open it in Folio.' }]);
  });

  it('keeps the link with the reason when the page cannot be read', async () => {
    const { deps: d, reports } = deps({ extracted: serviceFailure('unreachable', 'The site answered 404.') });
    expect(await saveLink('https://news.example/gone', undefined, d)).toBe('link-only');
    expect(d.saveLinkOnly).toHaveBeenCalledWith('https://news.example/gone', null, 'The site answered 404.');
    expect(d.saveArticle).not.toHaveBeenCalled();
    expect(reports.at(-1)).toEqual({ state: 'error', text: 'Saved the link only: Folio could not read the page. The site answered 404. Its article downloads when you open it in Folio.' });
  });

  it('says when nothing could be saved at all', async () => {
    const storageFull = { ok: false as const, error: { kind: 'quota' as const, message: 'Your browser has no room left for Folio.', detail: 'QuotaExceededError' } };
    const { deps: full, reports } = deps({ saveArticle: vi.fn(async () => storageFull) });
    expect(await saveLink('https://news.example/keepers', undefined, full)).toBe('failed');
    expect(reports.at(-1)).toEqual({ state: 'error', text: 'Folio could not save this link: Your browser has no room left for Folio.' });

    const { deps: bad, reports: badReports } = deps();
    expect(await saveLink('javascript:alert(1)', undefined, bad)).toBe('failed');
    expect(bad.extract).not.toHaveBeenCalled();
    expect(badReports[0]?.state).toBe('error');
    expect(badReports[0]?.text).toMatch(/^Folio can't save this link: /);
  });
});
