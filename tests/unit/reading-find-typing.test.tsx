// @vitest-environment jsdom
import { act, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFindInArticle, type FindState } from '@/components/reading/use-find-in-article';
import * as findModule from '@/lib/reading/find-in-article';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom lays nothing out: every range is at the top (find then starts at the first match).
Range.prototype.getBoundingClientRect ??= () => new DOMRect(0, 0, 0, 0);
// Paint as Chromium does (the Custom Highlight API), so the test measures searching, not jsdom's DOM.
Object.assign(globalThis, { Highlight: class {}, CSS: { highlights: new Map() } });

/** A book-length article: 20,000 words in 400 paragraphs. */
function longBody(): HTMLElement {
  const body = document.createElement('div');
  const paragraph = Array.from({ length: 50 }, (_, i) => (i % 10 === 0 ? 'bridge' : `word${i}`)).join(' ');
  for (let i = 0; i < 400; i += 1) body.append(Object.assign(document.createElement('p'), { textContent: `${paragraph}.` }));
  body.scrollTo = () => undefined;
  document.body.append(body);
  return body;
}

let state: FindState;
function Probe({ body, onState }: { body: HTMLElement; onState: (find: FindState) => void }) {
  const find = useFindInArticle(body, body);
  useEffect(() => {
    onState(find);
  });
  return null;
}

describe('find in a 20,000-word article while typing', () => {
  let body: HTMLElement;
  let root: ReturnType<typeof createRoot>;
  beforeEach(() => {
    vi.useFakeTimers();
    body = longBody();
    root = createRoot(document.createElement('div'));
    act(() => root.render(<Probe body={body} onState={(find) => (state = find)} />));
  });
  afterEach(() => {
    act(() => root.unmount());
    body.remove();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('searches once typing pauses, not on every key; the field shows each key at once', () => {
    const search = vi.spyOn(findModule, 'findInArticle');
    act(() => state.show());
    search.mockClear();
    for (const typed of ['b', 'br', 'bri', 'brid', 'bridg', 'bridge']) {
      act(() => state.setQuery(typed));
      expect(state.query).toBe(typed);
      act(() => vi.advanceTimersByTime(60));
    }
    expect(search).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(150));
    expect(search).toHaveBeenCalledTimes(1);
    expect(search.mock.calls[0]![1]).toBe('bridge');
    expect(state.matches).toHaveLength(1000);
  });

  it('Enter right after typing searches at once and moves within the new matches', () => {
    act(() => state.show());
    act(() => state.setQuery('word1 '));
    expect(state.matches).toHaveLength(0);
    act(() => state.next());
    expect(state.matches.length).toBeGreaterThan(0);
    expect(state.current).toBe(1);
    // Clearing the field clears the matches at once.
    act(() => state.setQuery(''));
    expect(state.matches).toHaveLength(0);
  });
});
