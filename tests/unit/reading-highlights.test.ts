import { describe, expect, it } from 'vitest';
import { createMemoryHighlightAdapter, highlightAsQuote, sortByPosition, textFragmentUrl, type Highlight } from '@/lib/reading/highlights';

const highlight = (id: string, start: number, exact = 'quoted words', note = ''): Highlight => ({
  id,
  selector: { exact, prefix: '', suffix: '' },
  position: { start, end: start + exact.length },
  color: 'yellow',
  note,
  createdAt: 1,
  updatedAt: 1,
});

describe('highlights', () => {
  it('keeps highlights of an unsaved article in memory', async () => {
    const adapter = createMemoryHighlightAdapter();
    expect(adapter.persistent).toBe(false);
    await adapter.put(highlight('a', 5));
    await adapter.put(highlight('b', 1));
    await adapter.put({ ...highlight('a', 5), note: 'edited' });
    expect((await adapter.list()).map((h) => [h.id, h.note])).toEqual([['a', 'edited'], ['b', '']]);
    await adapter.remove('a');
    expect((await adapter.list()).map((h) => h.id)).toEqual(['b']);
  });

  it('sorts by position in the text', () => {
    expect(sortByPosition([highlight('late', 50), highlight('early', 3)]).map((h) => h.id)).toEqual(['early', 'late']);
  });

  it('copies as a Markdown quote with a text-fragment link and the note', () => {
    const markdown = highlightAsQuote(highlight('a', 0, 'Twenty-one ways\nto read', 'My note'), { title: 'An article', url: 'https://example.org/a#top' });
    expect(markdown).toBe('> Twenty-one ways\n>\n> to read\n\n— [An article](https://example.org/a#:~:text=Twenty%2Done%20ways%20to%20read)\n\nMy note');
    expect(highlightAsQuote(highlight('a', 0, 'x'), { title: 'T', url: null })).toBe('> x\n\n— T');
  });

  it('names only the first and last words of a long quote in the fragment', () => {
    expect(textFragmentUrl('https://e.org/', 'one two three four five six seven eight nine ten')).toBe('https://e.org/#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten');
  });
});
