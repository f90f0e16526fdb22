import type { ExtractRule } from './types';

/** Elements whose `name` becomes a property of the document (and, for a form, of the form itself). */
const NAMED_TAGS = new Set(['embed', 'form', 'iframe', 'img', 'object']);

/**
 * A page can clobber DOM properties the extractor walks: `<form><input name="parentNode">` makes the
 * form's `parentNode` the input, and Readability then climbs the tree forever (the tab freezes);
 * `<img name="querySelectorAll">` shadows a document method. On the private copy, forms become plain
 * blocks and named elements lose their names; no form reaches the reader anyway.
 */
export const defuseDomClobbering: ExtractRule = {
  name: 'defuse-dom-clobbering',
  phase: 'reveal',
  why: 'Pages with <form><input name="parentNode"> (or named images shadowing document methods) would send Readability into an endless loop.',
  apply({ root, doc }) {
    let changed = 0;
    // One attribute selector, then the tag: the selector engine tests one selector per element, not five.
    for (const element of Array.from(root.querySelectorAll('[name]'))) {
      if (!NAMED_TAGS.has(element.localName)) continue;
      element.removeAttribute('name');
      changed++;
    }
    for (const form of Array.from(root.getElementsByTagName('form'))) {
      const block = doc.createElement('div');
      while (form.firstChild) block.appendChild(form.firstChild);
      form.replaceWith(block);
      changed++;
    }
    return changed;
  },
};
