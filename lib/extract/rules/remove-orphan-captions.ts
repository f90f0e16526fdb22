import type { ExtractRule } from './types';
import { EMBED_LINK_ATTRIBUTE } from './embeds-to-links';
import { CAPTION, KEEP_INSIDE, textLengthUpTo } from './dom-helpers';

/**
 * A figure's caption whose picture is gone: the page drew the image with a script (a placeholder box, a
 * background image, a player that never loaded), so the body holds the words under a picture nobody sees.
 * Pull quotes and text boxes keep their captions: a quotation, table or code counts as what a caption
 * describes, and so does the figure's own text.
 */

/** What a caption can describe, besides KEEP_INSIDE (pictures, players, tables, code, quotations). */
const SHOWN = `${KEEP_INSIDE}, canvas, object, embed, [${EMBED_LINK_ATTRIBUTE}]`;

/** True when the figure shows nothing but its caption(s). */
function showsNothing(figure: Element): boolean {
  if (figure.querySelector(SHOWN)) return false;
  // Text outside the captions (a text box, a chart's labels) is something to caption.
  const clone = figure.cloneNode(true) as Element;
  for (const caption of Array.from(clone.querySelectorAll(CAPTION))) caption.remove();
  return textLengthUpTo(clone, 0) === 0;
}

export const removeOrphanCaptions: ExtractRule = {
  name: 'remove-orphan-captions',
  phase: 'clean',
  why: 'A caption whose figure holds no picture, video, table or quotation (the page drew the image with a script) describes something the reader cannot see.',
  apply({ root, record }) {
    let removed = 0;
    for (const figure of Array.from(root.querySelectorAll('figure'))) {
      if (!root.contains(figure) || figure.querySelector('figure')) continue;
      if (!figure.querySelector(CAPTION) || !showsNothing(figure)) continue;
      record?.(figure, 'removed caption without its picture');
      figure.remove();
      removed++;
    }
    return removed;
  },
};
