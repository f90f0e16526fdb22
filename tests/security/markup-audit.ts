import { ATTACKER_HOST } from './corpus/canary';

/**
 * Checks one piece of sanitized article HTML against what Folio promises about it. The markup is
 * parsed the way the overlay and reader parse it (as the body of an HTML document), and every
 * element and attribute is inspected. A finding names the rule, the element and the attribute.
 *
 * The rules, and why:
 * - forbidden-element: elements that run script, load documents or plug-ins, act on the whole
 *   document (base, meta, link, style, form controls) or change how their content parses
 *   (template, noscript, svg, raw-text elements).
 * - svg-namespace: any SVG element at all (Folio drops SVG; its content can carry script and styles).
 * - event-handler: any `on*` attribute.
 * - style-attribute / srcdoc / attributionsrc / ping...: attributes that load or run by themselves.
 * - script-url: a URL attribute (every srcset candidate included) whose scheme, after the
 *   characters the URL parser ignores are removed, is javascript:, vbscript: or a data: URL that
 *   is not a raster image.
 * - attacker-reference: the attacker's host in any attribute other than a link's `href` (a link the
 *   reader must click is acceptable; a resource that loads by itself is a request) and the
 *   text-only `title`/`alt`/`aria-*` attributes.
 * - unprefixed-name: an `id` or `name` without the `user-content-` prefix (DOM clobbering), and
 *   an in-page link to an unprefixed id.
 */

export interface AuditFinding {
  rule: string;
  detail: string;
}

const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'form', 'input', 'button',
  'select', 'option', 'textarea', 'base', 'meta', 'link', 'style', 'template', 'noscript', 'noembed',
  'noframes', 'xmp', 'plaintext', 'title', 'svg', 'portal', 'fencedframe', 'dialog', 'isindex', 'canvas', 'slot',
]);
const SVG_NS = 'http://www.w3.org/2000/svg';
const ALWAYS_FORBIDDEN_ATTRIBUTES = new Set(['style', 'srcdoc', 'attributionsrc', 'ping', 'action', 'formaction', 'background', 'autofocus']);
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'longdesc', 'background', 'data',
  'codebase', 'lowsrc', 'dynsrc', 'ping', 'xlink:href', 'manifest', 'icon', 'attributionsrc', 'usemap',
]);
const TEXT_ATTRIBUTES = new Set(['title', 'alt']);
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp)[;,]/;
const SCRIPT_SCHEME = /^(?:javascript|vbscript|livescript|mocha):/;
const ID_PREFIX = 'user-content-';

/** The URL as the browser's URL parser sees its scheme: ignorable characters removed, lower case. */
function schemeView(url: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are exactly what must be removed
  return url.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g, '').toLowerCase();
}

/** The URLs an attribute holds: one for most, one per candidate for `srcset`. */
function urlsOf(name: string, value: string): string[] {
  if (name !== 'srcset') return [value];
  return value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

function isDangerousUrl(url: string): boolean {
  const view = schemeView(url);
  if (SCRIPT_SCHEME.test(view)) return true;
  return view.startsWith('data:') && !SAFE_DATA_IMAGE.test(view);
}

function describe(element: Element): string {
  return `<${element.tagName.toLowerCase()}>`;
}

function auditAttribute(element: Element, attribute: Attr, findings: AuditFinding[]): void {
  const name = attribute.name.toLowerCase();
  const value = attribute.value;
  const where = `${describe(element)} ${name}="${value.slice(0, 80)}"`;
  if (name.startsWith('on')) findings.push({ rule: 'event-handler', detail: where });
  if (ALWAYS_FORBIDDEN_ATTRIBUTES.has(name)) findings.push({ rule: 'loading-attribute', detail: where });
  if (URL_ATTRIBUTES.has(name) && urlsOf(name, value).some(isDangerousUrl)) findings.push({ rule: 'script-url', detail: where });
  const isLink = name === 'href' && (element.localName === 'a' || element.localName === 'area');
  const isText = TEXT_ATTRIBUTES.has(name) || name.startsWith('aria-');
  if (!isLink && !isText && value.toLowerCase().includes(ATTACKER_HOST)) findings.push({ rule: 'attacker-reference', detail: where });
  if ((name === 'id' || name === 'name') && !value.startsWith(ID_PREFIX)) findings.push({ rule: 'unprefixed-name', detail: where });
  if (isLink && value.startsWith('#') && value.length > 1 && !value.startsWith(`#${ID_PREFIX}`)) {
    findings.push({ rule: 'unprefixed-name', detail: where });
  }
}

/** Parses `html` as body content in `win` (a jsdom window in Node, the page's window in a browser). */
export function parseAsBody(html: string, win: Window): Document {
  const { DOMParser } = win as Window & typeof globalThis;
  return new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');
}

/** Every way the parsed `body` breaks Folio's promises about sanitized markup. */
function auditBody(body: HTMLElement): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const element of Array.from(body.querySelectorAll('*'))) {
    if (FORBIDDEN_ELEMENTS.has(element.localName)) findings.push({ rule: 'forbidden-element', detail: describe(element) });
    if (element.namespaceURI === SVG_NS) findings.push({ rule: 'svg-namespace', detail: describe(element) });
    for (const attribute of Array.from(element.attributes)) auditAttribute(element, attribute, findings);
  }
  return findings;
}

/** Every way `html` breaks Folio's promises about sanitized markup; empty when it keeps them all. */
export function auditSanitizedMarkup(html: string, win: Window): AuditFinding[] {
  return auditBody(parseAsBody(html, win).body);
}

/**
 * Audits `html` as a page builds it, then audits what that page would serialize and build again
 * (a saved article is written, read back and shown again). Mutation XSS lives in the difference
 * between the generations, so each generation must keep every promise on its own.
 */
export function auditAcrossReparses(html: string, win: Window, generations = 2): AuditFinding[] {
  const findings: AuditFinding[] = [];
  let markup = html;
  for (let generation = 1; generation <= generations; generation += 1) {
    const body = parseAsBody(markup, win).body;
    findings.push(...auditBody(body).map((f) => ({ ...f, detail: `${f.detail} (parse ${generation})` })));
    // eslint-disable-next-line no-restricted-properties -- reads serialized markup; nothing is written
    const next = body.innerHTML;
    if (next === markup) break;
    markup = next;
  }
  return findings;
}

/** The body's markup after one more parse: equal to the input when the markup is mutation-stable. */
export function reserialize(html: string, win: Window): string {
  // eslint-disable-next-line no-restricted-properties -- reads serialized markup; nothing is written
  return parseAsBody(html, win).body.innerHTML;
}

/**
 * `html` parsed and serialized with every element's attributes in name order. DOMPurify re-sets the
 * attributes it keeps, and Folio's link hook adds `target` and `rel`, so a second pass may list the
 * same attributes in another order; that is not a change of meaning, any other difference is.
 */
export function canonicalMarkup(html: string, win: Window): string {
  const body = parseAsBody(html, win).body;
  for (const element of Array.from(body.querySelectorAll('*'))) {
    const attributes = Array.from(element.attributes, (a) => [a.name, a.namespaceURI, a.value] as const);
    for (const [name] of attributes) element.removeAttribute(name);
    for (const [name, ns, value] of [...attributes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (ns) element.setAttributeNS(ns, name, value);
      else element.setAttribute(name, value);
    }
  }
  // eslint-disable-next-line no-restricted-properties -- reads serialized markup; nothing is written
  return body.innerHTML;
}
