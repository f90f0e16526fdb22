import type { ExtractRule } from './types';

/**
 * What math libraries draw for the eye around the MathML they carry for screen readers: MathJax 3
 * (`mjx-container`), MathJax 2 (its HTML-CSS, SVG and CommonHTML outputs) and KaTeX. Their drawing is
 * glyphs placed by the page's own stylesheet or an inline SVG, which the reader has neither of: without
 * them the formula is lost or garbled. (Wikipedia's picture of a formula needs neither and stays, as in
 * Readability's output; its MathML is hidden and left to the chooser, which passes over hidden text.)
 */
const DRAWN_MATH = 'mjx-container, .MathJax, .MathJax_SVG, .MathJax_CHTML, .mjx-chtml, .katex';
/** Wrappers that set a formula on its own line (MathJax 2, KaTeX). */
const DISPLAY_WRAPPER = '.MathJax_Display, .MathJax_SVG_Display, .MJXc-display, .katex-display';
/** MathJax 2's stand-in shown while it typesets: the TeX source, a second copy of the formula. */
const PREVIEW = '.MathJax_Preview';

/** Whether the formula stands on its own line: MathML's own `display`, its wrapper's, or MathJax 3's flag. */
function isDisplayed(math: Element, drawn: Element): boolean {
  for (let node: Element | null = math; node && node !== drawn.parentElement; node = node.parentElement) {
    const display = node.getAttribute('display');
    if (display === 'block' || display === 'true') return true;
  }
  return drawn.closest(DISPLAY_WRAPPER) !== null;
}

export const mathAsMathml: ExtractRule = {
  name: 'math-as-mathml',
  phase: 'prepare',
  why: 'Math that a page draws with its own fonts and styles (MathJax, KaTeX) is replaced by the MathML the page carries beside it, which browsers render natively.',
  apply({ root, record }) {
    let changed = 0;
    for (const math of Array.from(root.getElementsByTagName('math'))) {
      const drawn = math.parentElement?.closest(DRAWN_MATH);
      if (!drawn || drawn === root || !root.contains(drawn)) continue;
      // The TeX source KaTeX annotates with: MathML renderers never show it, text readers would.
      for (const annotation of Array.from(math.querySelectorAll('annotation, annotation-xml'))) annotation.remove();
      if (isDisplayed(math, drawn)) math.setAttribute('display', 'block');
      record?.(drawn, 'replaced with its MathML');
      drawn.replaceWith(math);
      changed++;
    }
    if (changed === 0) return 0;
    for (const preview of Array.from(root.querySelectorAll(PREVIEW))) {
      record?.(preview, 'removed');
      preview.remove();
      changed++;
    }
    return changed;
  },
};
