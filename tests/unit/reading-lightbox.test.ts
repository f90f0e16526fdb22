import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { articleImages } from '@/lib/reading/article-images';
import { DOUBLE_CLICK_ZOOM, ZOOM, lightboxKeyAction, lightboxReducer, openLightbox, wheelAction, type LightboxAction, type LightboxState } from '@/lib/reading/lightbox';

const run = (state: LightboxState, ...actions: LightboxAction[]) => actions.reduce(lightboxReducer, state);

describe('lightbox navigation', () => {
  it('moves between images without wrapping at either end', () => {
    const start = openLightbox(1, 3);
    expect(run(start, { type: 'next' }).index).toBe(2);
    expect(run(start, { type: 'next' }, { type: 'next' }, { type: 'next' }).index).toBe(2);
    expect(run(start, { type: 'previous' }, { type: 'previous' }).index).toBe(0);
    expect(run(start, { type: 'last' }).index).toBe(2);
    expect(run(start, { type: 'first' }).index).toBe(0);
  });

  it('opens within range, even for a bad start index', () => {
    expect(openLightbox(7, 3)).toEqual({ index: 2, count: 3, zoom: ZOOM.min });
    expect(openLightbox(-2, 3).index).toBe(0);
  });

  it('zooms in steps between its limits, and a new image starts unzoomed', () => {
    const start = openLightbox(0, 2);
    expect(run(start, { type: 'zoom-in' }).zoom).toBe(ZOOM.min + ZOOM.step);
    const maxed = run(start, ...Array.from({ length: 20 }, () => ({ type: 'zoom-in' }) as const));
    expect(maxed.zoom).toBe(ZOOM.max);
    expect(run(maxed, { type: 'zoom-out' }).zoom).toBe(ZOOM.max - ZOOM.step);
    expect(run(start, { type: 'zoom-out' }).zoom).toBe(ZOOM.min);
    expect(run(maxed, { type: 'reset-zoom' }).zoom).toBe(ZOOM.min);
    expect(run(maxed, { type: 'next' })).toEqual({ index: 1, count: 2, zoom: ZOOM.min });
    // At the last image "next" changes nothing, zoom included.
    const zoomedLast = run(openLightbox(1, 2), { type: 'zoom-in' });
    expect(run(zoomedLast, { type: 'next' })).toBe(zoomedLast);
  });

  it('double click toggles between fitted and zoomed', () => {
    const start = openLightbox(0, 1);
    const zoomed = run(start, { type: 'toggle-zoom' });
    expect(zoomed.zoom).toBe(DOUBLE_CLICK_ZOOM);
    expect(run(zoomed, { type: 'toggle-zoom' }).zoom).toBe(ZOOM.min);
  });

  it('maps keys and the wheel to actions', () => {
    expect(lightboxKeyAction('ArrowRight')).toEqual({ type: 'next' });
    expect(lightboxKeyAction('ArrowLeft')).toEqual({ type: 'previous' });
    expect(lightboxKeyAction('+')).toEqual({ type: 'zoom-in' });
    expect(lightboxKeyAction('=')).toEqual({ type: 'zoom-in' });
    expect(lightboxKeyAction('-')).toEqual({ type: 'zoom-out' });
    expect(lightboxKeyAction('0')).toEqual({ type: 'reset-zoom' });
    expect(lightboxKeyAction('Escape')).toBeNull();
    expect(lightboxKeyAction('a')).toBeNull();
    expect(wheelAction(-40)).toEqual({ type: 'zoom-in' });
    expect(wheelAction(40)).toEqual({ type: 'zoom-out' });
    expect(wheelAction(0)).toBeNull();
  });
});

describe("the article's images", () => {
  it('lists pictures with their figure captions; skips icons and images that link elsewhere', () => {
    const { document } = new JSDOM(
      `<!doctype html><body><div id="root">
        <figure><img src="https://ex.test/a.jpg" alt="A deck"><figcaption> Photo:
          the deck </figcaption></figure>
        <p><img src="https://ex.test/icon.png" width="16" height="16" alt=""></p>
        <p><a href="https://ex.test/story"><img src="https://ex.test/teaser.jpg" alt="teaser"></a></p>
        <p><a href="https://ex.test/full/b.png?size=large"><img src="https://ex.test/b-small.png" alt="B"></a></p>
        <img alt="no source">
      </div></body>`,
      { url: 'https://ex.test/post' },
    ).window;
    const images = articleImages(document.getElementById('root')!);
    expect(images.map(({ src, alt, caption }) => ({ src, alt, caption }))).toEqual([
      { src: 'https://ex.test/a.jpg', alt: 'A deck', caption: 'Photo: the deck' },
      { src: 'https://ex.test/full/b.png?size=large', alt: 'B', caption: '' },
    ]);
    expect(images[1]?.element.getAttribute('src')).toBe('https://ex.test/b-small.png');
  });
});
