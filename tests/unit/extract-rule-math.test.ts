import { describe, expect, it } from 'vitest';
import { extractHtml } from '../helpers/fixtures';

const prose = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1}: the seminar went through the proof step by step, and the students checked every line of it before the break.</p>`).join('');

function article(body: string): string {
  return `<!doctype html><html><head><title>Notes on quadratics</title><meta property="og:type" content="article"></head><body><main><article><h1>Notes on quadratics</h1>${prose(3)}${body}${prose(3)}</article></main></body></html>`;
}

/** a ≠ 0 in MathML, as the libraries carry it for screen readers. */
const MATHML = '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>a</mi><mo>≠</mo><mn>0</mn></math>';
const MATHML_WITH_TEX = '<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>a</mi><mo>≠</mo><mn>0</mn></mrow><annotation encoding="application/x-tex">a \\neq 0</annotation></semantics></math>';

function content(html: string): { content: string; text: string } {
  const result = extractHtml(article(html));
  expect(result.ok).toBe(true);
  if (!result.ok) throw new Error('not an article');
  return { content: result.article.content, text: result.article.textContent };
}

/** The formula's MathML tags in the sanitized content, in order. */
const mathTags = (html: string) => html.match(/<\/?(?:math|mi|mo|mn)\b[^>]*>/g) ?? [];

describe('math-as-mathml', () => {
  it("keeps MathJax 3's formula as its MathML, on its own line when MathJax displays it, and drops the drawn glyphs", () => {
    const inline = `<mjx-container class="MathJax" jax="CHTML"><mjx-math class="MJX-TEX" aria-hidden="true"><mjx-mi class="mjx-i"><mjx-c class="mjx-c1D44E TEX-I"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml display="inline">${MATHML}</mjx-assistive-mml></mjx-container>`;
    const displayed = `<mjx-container class="MathJax" jax="SVG" display="true"><svg><g><path d="M0 0"></path></g></svg><mjx-assistive-mml display="block">${MATHML}</mjx-assistive-mml></mjx-container>`;
    const { content: html, text } = content(`<p>When ${inline}, there are two solutions.</p>${displayed}`);
    expect(mathTags(html).filter((tag) => tag.startsWith('<math'))).toHaveLength(2);
    expect(html).toMatch(/When <math[^>]*><mi>a<\/mi><mo>≠<\/mo><mn>0<\/mn><\/math>, there are two solutions/);
    expect(html).toMatch(/<math[^>]*display="block"/);
    expect(html).not.toContain('mjx');
    expect(text).toContain('When a≠0, there are two solutions');
  });

  it("keeps MathJax 2's assistive MathML, not its preview (the TeX again) nor its drawn spans", () => {
    const drawn = `<span class="MathJax_Preview">a \\neq 0</span><span class="MathJax" id="MathJax-Element-1-Frame" role="presentation"><nobr aria-hidden="true"><span class="math"><span class="mi">a</span><span class="mo">≠</span><span class="mn">0</span></span></nobr><span class="MJX_Assistive_MathML" role="presentation">${MATHML}</span></span><script type="math/tex" id="MathJax-Element-1">a \\neq 0</script>`;
    const { content: html, text } = content(`<p>When ${drawn}, there are two solutions.</p>`);
    expect(mathTags(html)).toEqual(['<math xmlns="http://www.w3.org/1998/Math/MathML">', '<mi>', '</mi>', '<mo>', '</mo>', '<mn>', '</mn>', '</math>']);
    expect(text).not.toContain('\\neq');
    expect(text.match(/a≠0/g)).toHaveLength(1);
  });

  it("keeps KaTeX's MathML without its TeX annotation, displayed when KaTeX displays it", () => {
    const katex = (mathml: string) => `<span class="katex"><span class="katex-mathml">${mathml}</span><span class="katex-html" aria-hidden="true"><span class="base"><span class="mord mathnormal">a</span><span class="mrel">≠</span><span class="mord">0</span></span></span></span>`;
    const { content: html, text } = content(`<p>When ${katex(MATHML_WITH_TEX)}, there are two solutions:</p><span class="katex-display">${katex(MATHML_WITH_TEX)}</span>`);
    expect(html.match(/<math/g)).toHaveLength(2);
    expect(html).toMatch(/<math[^>]*display="block"/);
    expect(html).not.toContain('annotation');
    expect(text).not.toContain('\\neq');
    expect(text.match(/a≠0/g)).toHaveLength(2);
  });

  it("keeps Wikipedia's picture of a formula, which needs no page styles, and not its hidden MathML as well", () => {
    const wiki = `<span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;">${MATHML_WITH_TEX}</span><img src="https://wikimedia.org/api/rest_v1/media/math/render/svg/abc" class="mwe-math-fallback-image-inline" aria-hidden="true" alt="{\\displaystyle a\\neq 0}"></span>`;
    const { content: html, text } = content(`<p>When ${wiki}, there are two solutions.</p>`);
    expect(html).toContain('src="https://wikimedia.org/api/rest_v1/media/math/render/svg/abc"');
    expect(html).not.toContain('<math');
    expect(text).not.toContain('a≠0');
  });

  it('leaves MathML that no library drew as it is', () => {
    const { content: html } = content(`<p>When ${MATHML}, there are two solutions.</p>`);
    expect(html).toContain('When <math xmlns="http://www.w3.org/1998/Math/MathML"><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions');
  });
});
