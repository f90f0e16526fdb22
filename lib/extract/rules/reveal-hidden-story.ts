import type { ExtractRule } from './types';
import { holdsProse } from './dom-helpers';

/** One CSS declaration that hides or clips text. */
const HIDING_DECLARATION = /^\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*$|filter\s*:\s*blur|max-height\s*:|overflow\s*:\s*hidden|-webkit-line-clamp\s*:)/i;
/** How much prose a hidden block must hold to be story, not a hidden menu or dialog. */
const MIN_BLOCK_CHARS = 200;
const MIN_PARAGRAPH_CHARS = 80;
const HIDDEN_SELECTOR = '[hidden], [aria-hidden="true"], [style]';

function unhide(element: Element): boolean {
  let changed = false;
  for (const attribute of ['hidden', 'aria-hidden']) {
    if (element.hasAttribute(attribute)) {
      element.removeAttribute(attribute);
      changed = true;
    }
  }
  const declarations = (element.getAttribute('style') ?? '').split(';');
  const kept = declarations.filter((declaration) => !HIDING_DECLARATION.test(declaration));
  if (kept.length !== declarations.length) {
    element.setAttribute('style', kept.join(';'));
    changed = true;
  }
  return changed;
}

/** The page's own paywall markup: schema.org `hasPart` parts with `isAccessibleForFree: false`. */
function paywalledParts(root: Element, selectors: string[]): Element[] {
  return selectors.flatMap((selector) => {
    try {
      return Array.from(root.querySelectorAll(selector));
    } catch {
      return [];
    }
  });
}

export const revealHiddenStory: ExtractRule = {
  name: 'reveal-hidden-story',
  phase: 'reveal',
  why: 'Soft paywalls deliver the whole story, then hide paragraphs with `hidden`, `display:none`, a max-height fade or a blur; Readability would drop them as invisible.',
  apply({ root, metadata, record }) {
    let revealed = 0;
    const marked = paywalledParts(root, metadata.jsonLd?.paywalledSelectors ?? []);
    for (const element of marked) {
      if (unhide(element)) {
        record?.(element, 'revealed paywalled part');
        revealed++;
      }
    }
    for (const element of Array.from(root.querySelectorAll(HIDDEN_SELECTOR))) {
      if (element.tagName === 'HTML' || element.tagName === 'BODY') {
        // A scroll lock lives on <html>/<body>; it hides nothing from a reader view.
        continue;
      }
      const hasHidingMarkup =
        element.hasAttribute('hidden') ||
        element.getAttribute('aria-hidden') === 'true' ||
        (element.getAttribute('style') ?? '').split(';').some((declaration) => HIDING_DECLARATION.test(declaration));
      if (hasHidingMarkup && holdsProse(element, element.tagName === 'P' ? MIN_PARAGRAPH_CHARS : MIN_BLOCK_CHARS) && unhide(element)) {
        record?.(element, 'revealed hidden text');
        revealed++;
      }
    }
    return revealed;
  },
};
