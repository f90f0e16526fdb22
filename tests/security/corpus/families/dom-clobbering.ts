import { casesOf } from '../article-page';
import { beaconUrl, CANARY_FUNCTION } from '../canary';
import type { PayloadSpec } from '../types';

/**
 * DOM clobbering: named elements (`id`, `name`) that shadow properties of `window`, `document` or a
 * form once the article is inserted into a document. The reader page inserts article HTML into its
 * own document, so an unprefixed `id="root"` or `name="getElementById"` would replace what Folio's
 * code (React's mount point, the extension API globals, document methods) expects to find.
 */
const CLOBBERED: ReadonlyArray<readonly [string, string, (id: string) => string]> = [
  ['document-method', 'img name shadowing document.getElementById', () => `<img name="getElementById" src="x"><img name="querySelector" src="x">`],
  ['document-cookie', 'form name shadowing document.cookie', () => `<form name="cookie"><input name="value"></form>`],
  ['document-body', 'embed name shadowing document.body', () => `<embed name="body"><img name="documentElement" src="x">`],
  ['document-forms', 'named elements shadowing forms, images, links', () => `<img name="forms"><img name="images"><img name="links"><img name="defaultView">`],
  ['window-location', 'anchor id shadowing location-like names', (id) => `<a id="location" href="${beaconUrl(id, 'loc')}">x</a><a id="location" name="href" href="${beaconUrl(id, 'loc2')}">y</a>`],
  ['react-root', 'ids of typical React mount points', () => `<div id="root"></div><div id="app"></div><div id="__next"></div><main id="reader-root"></main>`],
  ['extension-globals', 'ids shadowing browser / chrome extension globals', (id) => `<a id="browser" href="${beaconUrl(id, 'b')}"></a><form id="chrome"><input name="runtime"></form>`],
  ['folio-names', 'ids and names in Folio’s own namespace', (id) => `<div id="folio-root"></div><div id="folio-overlay"></div><a id="folio" name="config" href="${beaconUrl(id, 'cfg')}"></a><img name="folio-reader">`],
  ['canary-name', 'id equal to the canary function name', (id) => `<a id="${CANARY_FUNCTION}" href="${beaconUrl(id, 'canary')}">x</a>`],
  ['form-attributes', 'form children shadowing form.attributes / nodeName', () => `<form id="sub"><input name="attributes"><input name="nodeName"><input name="parentNode"><input name="removeChild"></form>`],
  ['html-collection', 'two anchors with one id forming an HTMLCollection', (id) => `<a id="config"></a><a id="config" name="url" href="${beaconUrl(id, 'collection')}"></a>`],
  ['object-name', 'object and iframe names', () => `<object name="defaultView"></object><iframe name="top"></iframe><iframe name="opener"></iframe>`],
  ['prototype-names', 'ids named after prototype members', () => `<div id="__proto__"></div><div id="constructor"></div><img name="toString"><img name="hasOwnProperty">`],
  ['fragment-target', 'in-page links to unprefixed ids (must follow the prefix)', () => `<p id="notes">Notes</p><p><a href="#notes">See the notes</a> and <a href="#user-content-notes">again</a></p>`],
  ['name-on-img-url', 'img name holding an attacker URL', (id) => `<img name="currentScript" src="x" alt="${beaconUrl(id, 'alt')}">`],
  ['aria-idrefs', 'aria id references around clobbered ids', () => `<p id="getElementsByTagName" aria-describedby="createElement">Described</p>`],
];

function specs(): PayloadSpec[] {
  return CLOBBERED.map(([name, vector, body]) => {
    const id = `clobber-${name}`;
    return { id, vector, body: body(id) };
  });
}

export const domClobberingCases = casesOf('dom-clobbering', specs());
