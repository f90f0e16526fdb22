import { describe, expect, it } from 'vitest';
import { formatSavedDate } from '@/components/library/format';

describe('formatSavedDate', () => {
  const now = Date.UTC(2026, 10, 27, 12);
  const day = 86_400_000;

  it('says today, yesterday and days ago for the last week', () => {
    expect(formatSavedDate(now - 1_000, now)).toBe('today');
    expect(formatSavedDate(now - 1.5 * day, now)).toBe('yesterday');
    expect(formatSavedDate(now - 3 * day, now)).toBe('3 days ago');
  });

  it('gives older dates as the medium date of the locale, the same with its one shared formatter for every row', () => {
    const medium = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    for (const ms of [now - 8 * day, Date.UTC(2024, 0, 1), Date.UTC(2019, 5, 30)]) expect(formatSavedDate(ms, now)).toBe(medium.format(new Date(ms)));
  });
});
