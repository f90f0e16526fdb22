import { casesOf } from '../article-page';
import { beaconUrl, canaryCall, canaryScript } from '../canary';
import type { PayloadSpec } from '../types';

/** Nested browsing contexts and plug-in content: iframe (src, srcdoc), object, embed, frames, portals. */
function specs(): PayloadSpec[] {
  const list: PayloadSpec[] = [];
  const add = (suffix: string, vector: string, body: (id: string) => string) => {
    const id = `embed-${suffix}`;
    list.push({ id, vector, body: body(id) });
  };
  const srcdocBody = (id: string) => `<script>${canaryScript(id)}</script><img src=${beaconUrl(id, 'srcdoc')}>`;
  const attr = (html: string) => html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  add('iframe-attacker', 'iframe of the attacker’s page', (id) => `<iframe src="${beaconUrl(id, 'frame')}" width="300" height="100"></iframe>`);
  add('iframe-srcdoc', 'iframe srcdoc with script and beacon', (id) => `<iframe srcdoc="${attr(srcdocBody(id))}"></iframe>`);
  add('iframe-srcdoc-entities', 'srcdoc written with character references', (id) => `<iframe srcdoc="${[...srcdocBody(id)].map((c) => `&#${c.charCodeAt(0)};`).join('')}"></iframe>`);
  add('iframe-srcdoc-on-other-element', 'srcdoc on a non-iframe element', (id) => `<div srcdoc="${attr(srcdocBody(id))}">Figure</div>`);
  add('iframe-sandbox-escape', 'sandboxed iframe allowing scripts and same origin', (id) => `<iframe sandbox="allow-scripts allow-same-origin" srcdoc="${attr(srcdocBody(id))}"></iframe>`);
  add('iframe-javascript', 'iframe src javascript:', (id) => `<iframe src="javascript:${canaryCall(id).replace(/'/g, '&#39;')}"></iframe>`);
  add('iframe-data-html', 'iframe src data:text/html', (id) => `<iframe src="data:text/html,${attr(srcdocBody(id))}"></iframe>`);
  add('object-html', 'object of an attacker HTML page', (id) => `<object data="${beaconUrl(id, 'object')}" type="text/html" width="300" height="100"></object>`);
  add('object-data-html', 'object with data:text/html', (id) => `<object data="data:text/html,${attr(srcdocBody(id))}"></object>`);
  add('object-param', 'object with a movie param', (id) => `<object type="application/x-shockwave-flash"><param name="movie" value="${beaconUrl(id, 'movie.swf')}"><param name="allowScriptAccess" value="always"></object>`);
  add('embed-attacker', 'embed of an attacker URL', (id) => `<embed src="${beaconUrl(id, 'embed')}" type="text/html" width="300" height="100">`);
  add('embed-svg', 'embed of an SVG data: document with script', (id) => `<embed type="image/svg+xml" src="data:image/svg+xml,${attr(`<svg xmlns='http://www.w3.org/2000/svg'><script>${canaryScript(id).replace(/'/g, '"')}</script></svg>`)}">`);
  add('frameset', 'frameset with a frame', (id) => `<frameset><frame src="${beaconUrl(id, 'frame')}"></frameset>`);
  add('portal', 'portal element', (id) => `<portal src="${beaconUrl(id, 'portal')}"></portal>`);
  add('fencedframe', 'fenced frame', (id) => `<fencedframe src="${beaconUrl(id, 'fenced')}"></fencedframe>`);
  add('applet', 'Java applet', (id) => `<applet code="Pwn.class" codebase="${beaconUrl(id, 'applet')}"></applet>`);
  add('iframe-lazy', 'lazy iframe inside details', (id) => `<details open><summary>Map</summary><iframe loading="lazy" src="${beaconUrl(id, 'lazy')}"></iframe></details>`);
  return list;
}

export const embeddingCases = casesOf('embedding', specs());
