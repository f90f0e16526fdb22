// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';

// The overlay runs its React code on Preact's compatible layer (reader-react.js); so does this test.
vi.mock('react', async () => await import('preact/compat'));

const { createElement, render } = await import('preact/compat');
const { useReadAloud } = await import('@/components/reading/use-read-aloud');
const { useFindInArticle } = await import('@/components/reading/use-find-in-article');

/** A speech engine that records what it is asked to do. */
function installEngine(): string[] {
  const calls: string[] = [];
  vi.stubGlobal('SpeechSynthesisUtterance', class {
    constructor(readonly text: string) {}
  });
  vi.stubGlobal('speechSynthesis', {
    speak: () => calls.push('speak'),
    cancel: () => calls.push('cancel'),
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    getVoices: () => [],
  });
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

/** Ctrl+F pressed on the page's window; true when something took it from the page. */
function pressFindShortcut(): boolean {
  const event = new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/*
 * Preact (the overlay's React layer) runs useEffect cleanups of an unmounted tree only after the next
 * paint: what must end the moment the reader closes is cleaned up in layout effects.
 */
describe('closing the overlay', () => {
  it('stops speaking during the unmount of the reader, not a frame later', async () => {
    const calls = installEngine();
    const body = document.createElement('div');
    for (const text of ['Bridges carry millions of people every day.', 'Almost nobody thinks about them.']) {
      body.append(Object.assign(document.createElement('p'), { textContent: text }));
    }
    let play: () => void = () => {};
    function Reader() {
      const readAloud = useReadAloud(body, 1, { lang: 'en' });
      play = readAloud.play;
      return null;
    }
    const container = document.createElement('div');
    render(createElement(Reader, null), container);
    // The player is made in an effect, which Preact runs after the next paint.
    await vi.waitFor(() => {
      play();
      expect(calls).toContain('speak');
    });
    const cancelsBefore = calls.filter((call) => call === 'cancel').length;
    render(null, container);
    expect(calls.filter((call) => call === 'cancel').length).toBeGreaterThan(cancelsBefore);
  });

  it('gives the page its own Ctrl+F back during the unmount', () => {
    const scroller = document.createElement('div');
    const body = scroller.appendChild(document.createElement('article'));
    document.body.append(scroller);
    function Reader() {
      useFindInArticle(body, scroller);
      return null;
    }
    const container = document.createElement('div');
    render(createElement(Reader, null), container);
    expect(pressFindShortcut()).toBe(true);
    render(null, container);
    expect(pressFindShortcut()).toBe(false);
    scroller.remove();
  });
});
