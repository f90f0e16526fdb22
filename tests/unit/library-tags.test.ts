import { describe, expect, it } from 'vitest';
import { normalizeTag, normalizeTags, suggestTags } from '../../lib/library/tags';

describe('tags', () => {
  it('are trimmed, lower-cased, single-spaced and unique, in first-seen order', () => {
    expect(normalizeTag('  Deep   Work ')).toBe('deep work');
    expect(normalizeTags(['Tech', 'tech', ' ', 'AI', 'TECH '])).toEqual(['tech', 'ai']);
  });

  it('autocomplete offers tags starting with what was typed, then tags containing it', () => {
    const known = ['reading', 'ready', 'bread', 'dread', 'work'];
    expect(suggestTags(known, 'Rea')).toEqual(['reading', 'ready', 'bread', 'dread']);
    expect(suggestTags(known, 'rea', 2)).toEqual(['reading', 'ready']);
    expect(suggestTags(known, '')).toEqual(['bread', 'dread', 'reading', 'ready', 'work']);
    expect(suggestTags(known, 'zzz')).toEqual([]);
  });
});
