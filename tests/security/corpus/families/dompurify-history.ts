import { casesOf } from '../article-page';
import { canaryCall, imageUrl } from '../canary';
import type { PayloadSpec } from '../types';

/**
 * Shapes of the bypasses DOMPurify's release notes and advisories record as fixed, written afresh
 * for this corpus (each id names the release that closed the class). They guard against a version
 * pin that goes backwards and against Folio's own hooks or configuration reopening a class.
 */
function specs(): PayloadSpec[] {
  const list: PayloadSpec[] = [];
  const add = (suffix: string, vector: string, body: (code: string) => string) => {
    const id = `dompurify-${suffix}`;
    list.push({ id, vector, body: body(canaryCall(id)) });
  };
  const img = (c: string) => `<img src=1 onerror=${c}>`;
  const deep = (n: number, inner: string) => `${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}`;
  add('2-0-1-svg-p-style', '2.0.1: </p> in svg moving style into HTML (Chrome mXSS)', (c) => `<svg></p><style><a id="</style>${img(c)}">`);
  add('2-0-7-svg-style-id', '2.0.x: style in svg with id breakout', (c) => `<svg><p><style><a id="</style>${img(c)}">`);
  add('2-0-17-math-form', '2.0.17: nested form via math/mtext and mglyph', (c) => `<form><math><mtext></form><form><mglyph><style></math>${img(c)}`);
  add('2-0-17-math-form-path', '2.0.17 variant: svg path id breakout after form nesting', (c) => `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style>${img(c)}">`);
  add('2-2-2-mglyph-comment', '2.2.2: mglyph in table in mtext with a comment in style', (c) => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=${c}&gt;">`);
  add('2-2-3-textarea-path', '2.2.3: textarea under svg in mtext', (c) => `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea>${img(c)}">`);
  add('2-2-4-h1-a-h6', '2.2.4: misnested headings and anchors before mglyph', (c) => `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style>${img(c)}"></style></h1>`);
  add('3-0-4-noframes', '3.0.4: noframes raw text (jsdom parsing)', (c) => `<noframes><a title="</noframes>${img(c)}"></noframes>`);
  add('3-1-0-depth-svg', '3.1.0/3.1.1: nesting past 255/512 levels flattening svg style', (c) => deep(506, `<svg><style><a title="</style>${img(c)}"></a></style></svg>`));
  add('3-1-0-depth-math', '3.1.x: deep nesting around mtext/table/mglyph', (c) => deep(500, `<math><mtext><table><mglyph><style><a title="</style>${img(c)}"></a></style></mglyph></table></mtext></math>`));
  add('3-1-0-depth-form', '3.1.x: deep nesting with nested forms', (c) => `<form>${deep(510, `</form><form><math><mtext><style><a title="</style>${img(c)}">`)}`);
  add('3-1-3-comment-in-svg', '3.1.3: comment in svg hiding markup', (c) => `<svg><style><!--</style>${img(c)}--></style></svg>`);
  add('3-1-3-pi-in-svg', '3.1.3: processing instruction in svg', (c) => `<svg><?xml-stylesheet href="x"?><style><?</style>${img(c)}?></style></svg>`);
  add('3-1-3-comment-in-attribute', '3.1.3: comment markers inside svg attributes', (c) => `<svg><a title="<!--"><style><a title="-->">${img(c)}</a></style></a></svg>`);
  add('3-1-7-foreignobject-entry', '3.1.7: foreignObject as an HTML entry point', (c) => `<svg><foreignObject><p><style><a title="</style>${img(c)}"></a></style></p></foreignObject></svg>`);
  add('3-1-7-comment-detection', '3.1.7: comment detection around a closing style', (c) => `<math><mtext><style><!--</style><p title="--><img src=1 onerror=${c}>"></p></style></mtext></math>`);
  add('3-2-4-bogus-comment-template', '3.2.4: <! ...> bogus comment with template removal', (c) => `<template><! a="></template><img src=1 onerror=${c}>"></template>`);
  add('3-2-4-bogus-comment-svg', '3.2.4 variant: bogus comment inside svg style', (c) => `<svg><style><! a="</style>${img(c)}"></style></svg>`);
  add('3-2-5-mxss-regex', '3.2.5: attribute with </style and </title for the mXSS regex', (c) => `<svg><a title="</title>${img(c)}"><title>x</title></a></svg>`);
  add('3-3-2-rawtext-attribute', '3.3.2: rawtext end tags in attribute values (noscript/xmp/noembed/noframes/iframe)', (c) => ['noscript', 'xmp', 'noembed', 'noframes', 'iframe'].map((t) => `<p title="</${t}>${img(c)}">${t}</p>`).join(''));
  add('3-4-0-closing-tag', '3.4.0: closing tags carrying markup', (c) => `<p>a</p title="<p>">${img(c).replace(/</g, '&lt;')}<p>b</p/>`);
  add('3-4-0-recontextualization', '3.4.0: table parts outside a table', (c) => `<tr><td><img src="${imageUrl('r.jpg')}" onerror="${c}"></td></tr><caption><style><a title="</style>${img(c)}">`);
  add('3-4-1-named-props', '3.4.1: already prefixed id and name (idempotence)', () => `<p id="user-content-notes">Notes</p><img name="user-content-pic" src="${imageUrl('n.jpg')}" alt=""><a href="#user-content-notes">Back</a>`);
  add('3-1-6-clobber-remove', '3.1.6: form clobbering remove()/parentNode during removal', (c) => `<form><input name="remove"><input name="parentNode"><input name="nodeType"><img src=1 onerror=${c}></form>`);
  add('2-5-6-hook-class', '2.5.6: attribute hooks and class rewriting', (c) => `<p class="language-js onerror" onerror="${c}">Code</p><code class="language-&quot;&gt;&lt;img src=1 onerror=${c}&gt;">x</code>`);
  return list;
}

export const domPurifyHistoryCases = casesOf('dompurify-history', specs());
