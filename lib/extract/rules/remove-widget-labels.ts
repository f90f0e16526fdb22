import type { ExtractRule } from './types';
import { findElements, standsAlone } from './dom-helpers';
import { removeLine } from './element-measures';

/** "Image 1 of 8", "1 / 12", "Slide 3 of 5": a gallery's counter. */
const COUNTER = /^(?:(?:image|photo|picture|slide|foto|bild)\s*)?\d{1,3}\s*(?:of|\/|de|von|di)\s*\/?\s*\d{1,3}$/iu;

/**
 * What buttons, galleries, players and ad slots print, lower-cased: the page's controls, never a story's
 * sentence (a line must be exactly one of these).
 */
const WIDGET_LABELS = new Set([
  'caption', 'close', 'hide caption', 'show caption', 'toggle caption', 'image caption', 'media caption', 'enlarge image',
  'enlarge this image', 'expand', 'view gallery', 'launch gallery', 'open gallery', 'view slideshow', 'full screen', 'fullscreen',
  'play video', 'replay', 'media playback is unsupported on your device', 'this slideshow requires javascript.',
  'your browser does not support the video tag.', 'your browser does not support the audio element.',
  'advertisement', 'advert', 'ad', 'sponsored', 'skip to content', 'skip to main content', 'skip ad', 'text size', 'print',
  'print article', 'order reprints', 'share', 'share this', 'share this article', 'share tweet submit', 'comments', 'post comment',
  'post comment (+)', 'leave a comment', 'tell us what you think...', 'loading...', 'loading',
]);

const MAX_LABEL_CHARS = 60;

/** True for a line that is only a widget's label or a gallery counter. */
export function isWidgetLabel(text: string): boolean {
  return text.length <= MAX_LABEL_CHARS && (COUNTER.test(text) || WIDGET_LABELS.has(text.toLowerCase()));
}

export const removeWidgetLabels: ExtractRule = {
  name: 'remove-widget-labels',
  phase: 'clean',
  why: 'Galleries, players, share bars and ad slots leave their labels in the body ("Image 1 of 8", "Close", "Media playback is unsupported on your device", "Advertisement"); they are controls, not text.',
  apply({ root, record, measures }) {
    let removed = 0;
    // A caption's own label ("Image caption") sits beside the caption's text, so inside captions it need not stand alone.
    const labels = findElements(root, MAX_LABEL_CHARS, (text, element) => isWidgetLabel(text) && (standsAlone(element) || element.closest('figcaption') !== null), undefined, measures);
    for (const label of labels) {
      record?.(label, 'removed widget label');
      removeLine(label, measures);
      removed++;
    }
    return removed;
  },
};
