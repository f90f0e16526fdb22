import { casesOf } from '../article-page';
import { canaryCall, imageUrl, TINY_GIF } from '../canary';
import type { PayloadSpec } from '../types';

/**
 * Every event-handler content attribute a browser knows (HTML's GlobalEventHandlers, window and
 * document handlers, SVG animation events, vendor-prefixed and legacy ones). Each gets its own
 * case, on an element that fires the event by itself where one exists, so that a handler which
 * survives sanitizing is not only present but actually runs in the browser run.
 */
const HANDLERS: readonly string[] = [
  'onabort', 'onafterprint', 'onafterscriptexecute', 'onanimationcancel', 'onanimationend',
  'onanimationiteration', 'onanimationstart', 'onauxclick', 'onbeforecopy', 'onbeforecut',
  'onbeforeinput', 'onbeforematch', 'onbeforepaste', 'onbeforeprint', 'onbeforescriptexecute',
  'onbeforetoggle', 'onbeforeunload', 'onbegin', 'onblur', 'onbounce', 'oncancel', 'oncanplay',
  'oncanplaythrough', 'onchange', 'onclick', 'onclose', 'oncommand', 'oncontentvisibilityautostatechange',
  'oncontextlost', 'oncontextmenu', 'oncontextrestored', 'oncopy', 'oncuechange', 'oncut', 'ondblclick',
  'ondrag', 'ondragend', 'ondragenter', 'ondragexit', 'ondragleave', 'ondragover', 'ondragstart', 'ondrop',
  'ondurationchange', 'onemptied', 'onend', 'onended', 'onerror', 'onfinish', 'onfocus', 'onfocusin',
  'onfocusout', 'onformdata', 'onfullscreenchange', 'onfullscreenerror', 'ongotpointercapture',
  'onhashchange', 'oninput', 'oninvalid', 'onkeydown', 'onkeypress', 'onkeyup', 'onlanguagechange',
  'onload', 'onloadeddata', 'onloadedmetadata', 'onloadend', 'onloadstart', 'onlostpointercapture',
  'onmessage', 'onmessageerror', 'onmousedown', 'onmouseenter', 'onmouseleave', 'onmousemove',
  'onmouseout', 'onmouseover', 'onmouseup', 'onmousewheel', 'onmozfullscreenchange', 'onoffline',
  'ononline', 'onpagehide', 'onpagereveal', 'onpageshow', 'onpageswap', 'onpaste', 'onpause', 'onplay',
  'onplaying', 'onpointercancel', 'onpointerdown', 'onpointerenter', 'onpointerleave', 'onpointermove',
  'onpointerout', 'onpointerover', 'onpointerrawupdate', 'onpointerup', 'onpopstate', 'onprogress',
  'onratechange', 'onreadystatechange', 'onrejectionhandled', 'onrepeat', 'onreset', 'onresize',
  'onscroll', 'onscrollend', 'onscrollsnapchange', 'onscrollsnapchanging', 'onsearch',
  'onsecuritypolicyviolation', 'onseeked', 'onseeking', 'onselect', 'onselectionchange',
  'onselectstart', 'onshow', 'onslotchange', 'onstalled', 'onstart', 'onstorage', 'onsubmit',
  'onsuspend', 'ontimeupdate', 'ontoggle', 'ontouchcancel', 'ontouchend', 'ontouchmove', 'ontouchstart',
  'ontransitioncancel', 'ontransitionend', 'ontransitionrun', 'ontransitionstart',
  'onunhandledrejection', 'onunload', 'onvolumechange', 'onwaiting', 'onwebkitanimationend',
  'onwebkitanimationiteration', 'onwebkitanimationstart', 'onwebkitfullscreenchange',
  'onwebkitfullscreenerror', 'onwebkittransitionend', 'onwheel', 'onzoom',
];

/** A keyframes rule the animation-event cases need; only present if a style element survives. */
const KEYFRAMES = '<style>@keyframes folio-pwn{from{opacity:.99}to{opacity:1}}</style>';
/** Covers the whole viewport while transparent, so the runner's pointer moves land on it. */
const COVER = 'position:fixed;inset:0;z-index:2147483647;display:block';

/** An element on which `handler` fires without help, or one that covers the screen for pointer events. */
function carrier(handler: string, code: string): string {
  const on = `${handler}="${code}"`;
  if (handler === 'onerror') return `<img src="${imageUrl('missing-photo.jpg')}" ${on} alt="A missing photo">`;
  if (handler === 'onload') return `<img src="${TINY_GIF}" ${on} alt="">`;
  if (handler === 'ontoggle' || handler === 'onbeforetoggle') return `<details open ${on}><summary>Notes</summary>More detail.</details>`;
  if (handler === 'onbegin' || handler === 'onend' || handler === 'onrepeat') {
    return `<svg width="10" height="10"><animate attributeName="x" from="0" to="1" dur="0.1s" repeatCount="2" ${on}/></svg>`;
  }
  if (/^on(?:webkit)?animation/.test(handler)) return `${KEYFRAMES}<div style="animation:folio-pwn .1s 2" ${on}>Pull quote</div>`;
  if (/^on(?:webkit)?transition/.test(handler)) return `<div style="transition:opacity .05s;opacity:.5" ${on}>Pull quote</div>`;
  if (/^onfocus|^onblur/.test(handler)) return `<a href="#more" autofocus tabindex="1" ${on}>Read more</a><input autofocus ${on}>`;
  if (/^onload|^oncanplay|^ondurationchange|^onplay|^onprogress|^onsuspend|^onemptied|^onstalled|^ontimeupdate|^onwaiting|^onvolumechange/.test(handler)) {
    return `<video src="${imageUrl('clip.mp4')}" autoplay muted ${on}></video>`;
  }
  if (handler === 'onscroll' || handler === 'onscrollend') return `<div style="overflow:auto;height:20px" ${on}><p style="height:400px">Long</p></div>`;
  if (handler === 'oninvalid') return `<form><input required ${on}></form>`;
  return `<div style="${COVER}" ${on}>Pull quote</div>`;
}

/** Spellings of a handler that filters keyed on `on\w+=` have missed. */
const SHAPES: ReadonlyArray<readonly [string, string, (code: string) => string]> = [
  ['unquoted', 'unquoted handler value', (code) => `<img src=${imageUrl('a.jpg')} onerror=${code.replace(/'/g, '&#39;')}>`],
  ['slash-separated', 'slashes instead of spaces between attributes', (code) => `<img/src="${imageUrl('b.jpg')}"/onerror="${code}">`],
  ['formfeed-separated', 'form feed before the handler', (code) => `<img src="${imageUrl('c.jpg')}"\fonerror="${code}">`],
  ['entity-value', 'handler code written as character references', (code) => `<img src="${imageUrl('d.jpg')}" onerror="${[...code].map((c) => `&#${c.charCodeAt(0)};`).join('')}">`],
  ['mixed-case', 'mixed-case handler name', (code) => `<img src="${imageUrl('e.jpg')}" OnErRoR="${code}">`],
  ['duplicate-attr', 'handler hidden behind a duplicate attribute', (code) => `<img src="${imageUrl('f.jpg')}" alt="x" alt="y" onerror="${code}">`],
  ['image-alias', '<image> which the parser renames to <img>', (code) => `<image src="${imageUrl('g.jpg')}" onerror="${code}">`],
  ['body-onload', 'a second <body> whose attributes merge into the real body', (code) => `<body onload="${code}" onpageshow="${code}">`],
  ['svg-onload', 'onload on <svg>', (code) => `<svg onload="${code}"><circle r="2"/></svg>`],
  ['svg-nested-onload', 'onload on a nested SVG element', (code) => `<svg><g onload="${code}"><rect width="1" height="1"/></g></svg>`],
  ['style-onload', 'onload on a style element', (code) => `<style onload="${code}">p{}</style>`],
  ['link-onerror', 'onerror on a stylesheet link', (code) => `<link rel="stylesheet" href="${imageUrl('missing.css')}" onerror="${code}">`],
  ['iframe-onload', 'onload on an empty iframe', (code) => `<iframe onload="${code}"></iframe>`],
  ['object-onerror', 'onerror on an object', (code) => `<object data="${imageUrl('missing.bin')}" onerror="${code}"></object>`],
  ['marquee-onstart', 'onstart on a legacy marquee', (code) => `<marquee onstart="${code}">Breaking news</marquee>`],
  ['math-onerror', 'handler on a MathML element', (code) => `<math><mi onmouseover="${code}" style="position:fixed;inset:0">x</mi></math>`],
  ['custom-element', 'handler on a custom element', (code) => `<folio-note onmouseover="${code}" style="position:fixed;inset:0;display:block">Note</folio-note>`],
  ['reserved-custom-element', 'handler on an HTML-reserved custom element name', (code) => `<font-face onmouseover="${code}" style="position:fixed;inset:0;display:block">x</font-face>`],
];

function specs(): PayloadSpec[] {
  const byName = HANDLERS.map((handler) => {
    const id = `handler-${handler.slice(2)}`;
    return { id, vector: `${handler} attribute`, body: carrier(handler, canaryCall(id)) };
  });
  const byShape = SHAPES.map(([name, vector, build]) => {
    const id = `handler-shape-${name}`;
    return { id, vector, body: build(canaryCall(id)) };
  });
  return [...byName, ...byShape];
}

export const eventHandlerCases = casesOf('event-handler', specs());
/** Exported for the sanitizer test, which checks that none of them survives on any element. */
export const eventHandlerNames = HANDLERS;
