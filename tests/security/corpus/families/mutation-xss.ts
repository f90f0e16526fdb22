import { casesOf } from '../article-page';
import { canaryCall, imageUrl } from '../canary';
import type { PayloadSpec } from '../types';

/**
 * Mutation XSS shapes: markup that is harmless as parsed once, but serializes to a string that parses
 * differently the second time (when the sanitized output is written into the overlay or reader).
 * Raw-text elements (`noscript`, `style`, `xmp`, `textarea`, `title`, `iframe`, `noembed`, `noframes`),
 * `template`, `select`, nested tables and forms, and comment/processing-instruction quirks.
 */
function specs(): PayloadSpec[] {
  const list: PayloadSpec[] = [];
  const add = (suffix: string, vector: string, body: (code: string) => string) => {
    const id = `mxss-${suffix}`;
    list.push({ id, vector, body: body(canaryCall(id)) });
  };
  const img = (code: string) => `<img src="${imageUrl('m.jpg')}" onerror="${code}">`;
  for (const raw of ['noscript', 'style', 'xmp', 'textarea', 'title', 'iframe', 'noembed', 'noframes']) {
    add(`${raw}-attribute-breakout`, `</${raw}> inside an attribute value`, (c) => `<${raw}><p title="</${raw}>${img(c)}">quote</p></${raw}>`);
    add(`${raw}-bare-title`, `</${raw}> in a title outside any ${raw}`, (c) => `<p title="</${raw}>${img(c)}">A caption that ends with a tag.</p>`);
  }
  add('plaintext', 'plaintext swallowing the rest of the page', (c) => `<plaintext><p title="</plaintext>${img(c)}">`);
  add('noscript-comment', 'comment inside noscript ending early', (c) => `<noscript><!--</noscript>${img(c)}--></noscript>`);
  add('style-comment', 'comment in style hiding an img', (c) => `<style><!--</style>${img(c)}--></style>`);
  add('template-style', 'template whose style hides markup', (c) => `<template><style></template>${img(c)}</style></template>`);
  add('template-nested', 'template in template', (c) => `<template><template><img src="${imageUrl('t.jpg')}" onerror="${c}"></template></template>`);
  add('template-shadowroot', 'declarative shadow root', (c) => `<div><template shadowrootmode="open"><img src="${imageUrl('dsd.jpg')}" onerror="${c}"></template></div>`);
  add('select-style', 'style inside select (customizable select parsing)', (c) => `<select><style><a title="</style>${img(c)}"></a></style></select>`);
  add('select-img', 'img inside select', (c) => `<select><option>One</option><img src="${imageUrl('s.jpg')}" onerror="${c}"></select>`);
  add('select-template', 'template in select with comment', (c) => `<select><template><style><!--</style><a rel="--></style></template></select>${img(c)}">x</a>`);
  add('select-button', 'button and selectedcontent inside select', (c) => `<select><button><selectedcontent></selectedcontent></button><option><img src="${imageUrl('o.jpg')}" onerror="${c}">One</option></select>`);
  add('table-foster', 'img fostered out of a table', (c) => `<table><tr>${img(c)}<td>cell</td></tr></table>`);
  add('table-nested-style', 'style re-parented by nested tables', (c) => `<table><td><table><style><a title="</style>${img(c)}"></a></style></table></td></table>`);
  add('table-caption-svg', 'svg in caption in table', (c) => `<table><caption><svg><style><a title="</style>${img(c)}"></a></style></svg></caption></table>`);
  add('table-form-foster', 'form fostered out of a table', (c) => `<table><form><tr><td><input onfocus="${c}" autofocus></td></tr></form></table>`);
  add('nested-form', 'second form created on reparse', (c) => `<form><div></form><form><img src="${imageUrl('f.jpg')}" onerror="${c}"></form></div></form>`);
  add('comment-close-early', '--!> closes a comment early', (c) => `<!-- a --!>${img(c)}-->`);
  add('comment-empty', '<!--> is an empty comment', (c) => `<!-->${img(c)}-->`);
  add('comment-bogus', '<! ... > incorrectly opened comment', (c) => `<! foo="><img src=x onerror=${c}>">`);
  add('comment-in-attribute', 'comment opener inside an attribute', (c) => `<p title="<!--"></p>${img(c)}<p title="-->">x</p>`);
  add('processing-instruction', '<?...?> bogus comment', (c) => `<?xml version="1.0"?><?x ><img src=x onerror=${c}>?>`);
  add('svg-processing-instruction', 'processing instruction in SVG', (c) => `<svg><?x ></svg>${img(c)}?></svg>`);
  add('cdata-html', 'CDATA in HTML content', (c) => `<![CDATA[><img src=x onerror=${c}>]]>`);
  add('textarea-inner-comment', 'textarea holding a comment', (c) => `<textarea><!--</textarea>${img(c)}--></textarea>`);
  add('iframe-content', 'markup as iframe fallback text', (c) => `<iframe><img src="${imageUrl('i.jpg')}" onerror="${c}"></iframe>`);
  add('noembed-content', 'markup in noembed', (c) => `<noembed><img title="</noembed>${img(c)}"></noembed>`);
  add('end-tag-attributes', 'end tag carrying attributes', (c) => `<div>text</div title="${img(c).replace(/"/g, '&quot;')}">`);
  add('backtick-attribute', 'backtick-quoted attribute', (c) => `<img src=\`x\` onerror=\`${c}\`>`);
  add('null-in-tag', 'NUL inside a tag name', (c) => `<im\u0000g src=x onerror=${c}>`);
  add('image-in-math-text', 'img inside mi inside math', (c) => `<math><mi>${img(c)}</mi></math>`);
  add('deep-nesting', 'nesting beyond the parser depth limit', (c) => `${'<div>'.repeat(520)}${img(c)}${'</div>'.repeat(520)}`);
  return list;
}

export const mutationXssCases = casesOf('mutation-xss', specs());
