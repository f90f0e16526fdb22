// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_SLICE_CHARS, SLICE_CHARS, writeInSlices } from '@/components/safe-html-slices';
import type { SafeHtml } from '@/lib/sanitize';

/** A long story in one wrapper, as Readability returns it: 300 paragraphs of about 400 characters. */
function longStory(paragraphs = 300, from = 0): string {
  const words = 'the river rose through the night and by morning the town had moved up the hill to wait '.repeat(5);
  const body = Array.from({ length: paragraphs }, (_, i) => `<p id="p${from + i}">${from + i}: ${words}</p>`).join('');
  return `<div class="page"><h2>Part</h2>${body}<table><tbody><tr><td>cell</td></tr></tbody></table></div>`;
}

/** What an innerHTML write of the same string gives, for comparison. */
function whole(html: string): string {
  const template = document.createElement('template');
  // eslint-disable-next-line no-restricted-properties -- the reference the slices are compared with
  template.innerHTML = html;
  const holder = document.createElement('div');
  holder.append(template.content.cloneNode(true));
  // eslint-disable-next-line no-restricted-properties
  return holder.innerHTML;
}

function markup(element: Element): string {
  // eslint-disable-next-line no-restricted-properties
  return element.innerHTML;
}

describe('writeInSlices', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a long body a slice per frame, the first about a screenful, and ends with what innerHTML gives', () => {
    const html = longStory() as SafeHtml;
    const container = document.createElement('div');
    const done = vi.fn();
    writeInSlices(container, html, null, done);
    const firstSlice = container.textContent!.length;
    expect(firstSlice).toBeGreaterThanOrEqual(FIRST_SLICE_CHARS);
    expect(firstSlice).toBeLessThan(FIRST_SLICE_CHARS + 1_000);
    expect(done).not.toHaveBeenCalled();
    // The one wrapper holds everything: it was entered, not written whole.
    expect(container.querySelectorAll('.page')).toHaveLength(1);
    let slices = 1;
    while (!done.mock.calls.length) {
      const before = container.textContent!.length;
      vi.advanceTimersToNextTimer();
      expect(container.textContent!.length - before).toBeLessThan(SLICE_CHARS + 1_000);
      slices += 1;
    }
    expect(slices).toBeGreaterThan(5);
    expect(markup(container)).toBe(whole(html));
  });

  it('adds only the new end when the body grows (a next page): the nodes already shown stay', () => {
    const first = longStory(300) as SafeHtml;
    const container = document.createElement('div');
    writeInSlices(container, first, null, () => undefined);
    vi.runAllTimers();
    const firstParagraph = container.querySelector('#p0');
    const grown = (first + `<hr><h2>Page 2</h2>${longStory(100, 300)}`) as SafeHtml;
    const done = vi.fn();
    writeInSlices(container, grown, first, done);
    vi.runAllTimers();
    expect(done).toHaveBeenCalledOnce();
    expect(container.querySelector('#p0')).toBe(firstParagraph);
    expect(markup(container)).toBe(whole(grown));
  });

  it('starts over for a different body, and a cancelled run writes nothing more', () => {
    const container = document.createElement('div');
    writeInSlices(container, longStory(300) as SafeHtml, null, () => undefined);
    vi.runAllTimers();
    const other = '<p id="other">Another story.</p>'.repeat(2_000) as SafeHtml;
    const done = vi.fn();
    const cancel = writeInSlices(container, other, longStory(300), done);
    expect(container.querySelector('#p0')).toBeNull();
    const written = container.childNodes.length;
    cancel();
    vi.runAllTimers();
    expect(container.childNodes.length).toBe(written);
    expect(done).not.toHaveBeenCalled();
  });
});
