import { casesOf } from '../article-page';
import { beaconPath, beaconUrl, canaryCall, imageUrl } from '../canary';
import type { PayloadSpec } from '../types';

/**
 * CSS that makes a request by itself (`url()`, `@import`, `image-set()`, fonts): in a style element,
 * a style attribute, SVG/MathML style, and with CSS escapes and comments that hide `url(` from filters.
 * Read-tracking pixels and CSS exfiltration (attribute selectors + background URLs) rely on these.
 */
function specs(): PayloadSpec[] {
  const list: PayloadSpec[] = [];
  const add = (suffix: string, vector: string, spec: (id: string) => Pick<PayloadSpec, 'body' | 'head'>) => {
    const id = `css-${suffix}`;
    list.push({ id, vector, ...spec(id) });
  };
  const cover = 'display:block;width:100%;height:40px';
  add('style-background', 'style element with a background url()', (id) => ({ body: `<style>article p{background:url(${beaconUrl(id, 'bg.png')})}</style>` }));
  add('style-import', 'style element @import', (id) => ({ body: `<style>@import url("${beaconUrl(id, 'import.css')}");</style>` }));
  add('style-import-string', '@import with a bare string', (id) => ({ body: `<style>@import '${beaconPath(id, 'import2.css')}';</style>` }));
  add('style-font-face', '@font-face src url()', (id) => ({ body: `<style>@font-face{font-family:pwn;src:url(${beaconUrl(id, 'font.woff2')})}p{font-family:pwn}</style>` }));
  add('style-exfiltration', 'attribute-selector exfiltration of link targets', (id) => ({ body: `<style>a[href^="/"]{background:url(${beaconUrl(id, 'exfil')})}</style>` }));
  add('style-head', 'style element in the page head', (id) => ({ head: `<style>body{background-image:url(${beaconUrl(id, 'head-bg.png')})}</style>` }));
  add('attr-background', 'style attribute background-image', (id) => ({ body: `<p style="background-image:url('${beaconUrl(id, 'attr.png')}');${cover}">Pull quote</p>` }));
  add('attr-list-style', 'style attribute list-style-image', (id) => ({ body: `<ul><li style="list-style-image:url(${beaconUrl(id, 'bullet.png')})">Point</li></ul>` }));
  add('attr-cursor', 'style attribute cursor url()', (id) => ({ body: `<p style="cursor:url(${beaconUrl(id, 'cursor.png')}),auto;${cover}">Hover</p>` }));
  add('attr-border-image', 'style attribute border-image', (id) => ({ body: `<p style="border:5px solid;border-image:url(${beaconUrl(id, 'border.png')}) 30 round">Boxed</p>` }));
  add('attr-mask', 'style attribute mask-image', (id) => ({ body: `<p style="-webkit-mask-image:url(${beaconUrl(id, 'mask.png')});mask-image:url(${beaconUrl(id, 'mask2.png')});${cover}">Masked</p>` }));
  add('attr-content', 'style attribute content url() on an element', (id) => ({ body: `<span style="content:url(${beaconUrl(id, 'content.png')});${cover}">x</span>` }));
  add('attr-image-set', 'style attribute image-set()', (id) => ({ body: `<p style="background-image:image-set(&quot;${beaconUrl(id, 'set.png')}&quot; 1x);${cover}">Set</p>` }));
  add('attr-escaped-url', 'url( written with CSS escapes', (id) => ({ body: `<p style="background:\\75 \\72 \\6c (${beaconUrl(id, 'escaped.png')});${cover}">Escaped</p>` }));
  add('attr-comment-split', 'url( split by a CSS comment and entities', (id) => ({ body: `<p style="background:u/**/rl(${beaconUrl(id, 'split.png')});background:&#117;rl(${beaconUrl(id, 'entity.png')});${cover}">Split</p>` }));
  add('attr-legacy-behaviour', 'IE behavior / -moz-binding / expression()', (id) => ({ body: `<p style="behavior:url(${beaconUrl(id, 'x.htc')});-moz-binding:url(${beaconUrl(id, 'x.xml')}#x);width:expression(${canaryCall(id)})">Legacy</p>` }));
  add('svg-style', 'style element inside SVG', (id) => ({ body: `<svg width="1" height="1"><style>@import url(${beaconUrl(id, 'svg.css')});</style></svg>` }));
  add('math-style', 'style element inside MathML', (id) => ({ body: `<math><style>@import url(${beaconUrl(id, 'math.css')});</style><mi>x</mi></math>` }));
  add('svg-presentation-fill', 'SVG fill url() to an external paint server', (id) => ({ body: `<svg width="10" height="10"><rect width="10" height="10" fill="url(${beaconUrl(id, 'paint.svg')}#p)"/></svg>` }));
  add('font-face-inline', 'inline style with font-family from @font-face', (id) => ({ body: `<style>@font-face{font-family:x;src:local(Arial),url(${beaconPath(id, 'f.ttf')})}</style><p style="font-family:x">Text</p>` }));
  add('style-in-noscript', 'style hidden in noscript', (id) => ({ body: `<noscript><style>p{background:url(${beaconUrl(id, 'noscript.png')})}</style></noscript>` }));
  add('style-in-template', 'style hidden in template', (id) => ({ body: `<template><style>p{background:url(${beaconUrl(id, 'template.png')})}</style></template><p>Visible</p>` }));
  add('picture-media-attr', 'source whose media query is a style sheet trick', (id) => ({ body: `<picture><source media="all" srcset="${imageUrl('ok.jpg')}"><img src="${imageUrl('ok.jpg')}" style="background:url(${beaconUrl(id, 'pic.png')})" alt=""></picture>` }));
  return list;
}

export const cssBeaconCases = casesOf('css-beacon', specs());
