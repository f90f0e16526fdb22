import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { parseInert } from '../dom/parse-inert';

/**
 * The one sanitizer. Every piece of article HTML that Folio shows or stores passes through
 * `sanitizeArticleHtml`, and only its output (the `SafeHtml` brand) may be written into a page.
 */
export type SafeHtml = string & { readonly __safeHtml: unique symbol };

/** Image formats a `data:` URL may carry; any other `data:` URL is dropped. */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);/i;
/** Schemes a link or media URL may use; relative URLs and fragments pass as well. */
const SAFE_URL = /^(?:(?:https?|mailto|tel|ftp):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
/** Class names worth keeping: they carry a code block's language, nothing else. */
const KEPT_CLASS = /^(?:language-|lang-)[\w+#-]+$/;
/** DOMPurify prefixes ids (against DOM clobbering); in-page links must follow. */
const ID_PREFIX = 'user-content-';

const CONFIG: Config = {
  USE_PROFILES: { html: true, mathMl: true },
  FORBID_TAGS: [
    'style', 'link', 'meta', 'base', 'template', 'noscript', 'form', 'input', 'button', 'select',
    'option', 'textarea', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'dialog', 'svg',
    'canvas', 'slot', 'portal', 'fencedframe', 'math-field',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'action', 'formaction', 'ping', 'background', 'autofocus', 'tabindex', 'contenteditable'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  ALLOWED_URI_REGEXP: SAFE_URL,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  RETURN_TRUSTED_TYPE: false,
  // No Trusted Types policy: Folio takes strings back, and its content script's world is not bound by a
  // page's Trusted Types. DOMPurify would otherwise make a "dompurify" policy in the page, which a page that
  // names its policies refuses, with a CSP violation report to the publisher; it would also wrap every
  // parse and ask the policy about every attribute.
  TRUSTED_TYPES_POLICY: null,
};
/**
 * The same configuration, in the two modes Folio calls DOMPurify in: cleaning parsed markup where it lies
 * (sanitizeArticleHtml), and cleaning a copy of nodes it is handed (sanitizeElementContent). Each mode has
 * its own purifier per window, configured once (`setConfig`): DOMPurify otherwise parses the
 * configuration again on every call (rebuilding its tag and attribute sets).
 */
const IN_PLACE_CONFIG: Config = { ...CONFIG, IN_PLACE: true };
type PurifierMode = 'in-place' | 'copy';

const URL_ATTRIBUTES = new Set(['src', 'href', 'poster', 'xlink:href', 'cite', 'longdesc']);
/**
 * Characters the URL parser skips before it reads a scheme (C0 controls and space at the ends, tab and
 * newline anywhere). `\s` misses most C0 controls, so `srcset="a.png 1x, &#1;javascript:…"` slipped
 * past a `\s`-only check; every srcset candidate is now compared without any of them.
 */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what must be matched
const URL_IGNORED_CHARACTERS = /[\u0000-\u0020]+/g;
const purifiers = { 'in-place': new WeakMap<object, DOMPurify>(), copy: new WeakMap<object, DOMPurify>() };
/** Per window, the element of an inert document that markup is parsed into (see inertContainerFor). */
const inertContainers = new WeakMap<object, HTMLElement>();

function installHooks(purifier: DOMPurify): void {
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName;
    const value = data.attrValue.trim();
    if (URL_ATTRIBUTES.has(name) && /^data:/i.test(value) && !SAFE_DATA_IMAGE.test(value)) {
      data.keepAttr = false;
    } else if (name === 'srcset' && /(?:^|,)(?:javascript|vbscript|data):/i.test(value.replace(URL_IGNORED_CHARACTERS, ''))) {
      data.keepAttr = false;
    } else if (name === 'class') {
      const kept = value.split(/\s+/).filter((c) => KEPT_CLASS.test(c));
      if (kept.length === 0) data.keepAttr = false;
      else data.attrValue = kept.join(' ');
    }
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A' && node.nodeName !== 'AREA') return;
    const href = node.getAttribute('href');
    if (href === null) return;
    if (href.startsWith('#')) {
      // Footnote and table-of-contents links point at the prefixed ids.
      if (!href.startsWith(`#${ID_PREFIX}`) && href.length > 1) node.setAttribute('href', `#${ID_PREFIX}${href.slice(1)}`);
      node.removeAttribute('target');
      return;
    }
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
}

function purifierFor(win: Window, mode: PurifierMode = 'in-place'): DOMPurify {
  let purifier = purifiers[mode].get(win);
  if (!purifier) {
    purifier = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    if (!purifier.isSupported) throw new SanitizerUnavailableError();
    installHooks(purifier);
    purifier.setConfig(mode === 'in-place' ? IN_PLACE_CONFIG : CONFIG);
    purifiers[mode].set(win, purifier);
  }
  return purifier;
}

/** Raised when the DOM at hand cannot run DOMPurify: Folio then shows nothing rather than raw HTML. */
export class SanitizerUnavailableError extends Error {
  constructor() {
    super('This DOM cannot run the sanitizer (DOMPurify is not supported on it).');
    this.name = 'SanitizerUnavailableError';
  }
}

/**
 * Sanitizes article HTML with Folio's single DOMPurify configuration. `win` is the window whose DOM
 * parses the markup: the page's or extension page's own window in a browser, a jsdom window in Node.
 * Fails closed: throws `SanitizerUnavailableError` instead of returning unsanitized markup.
 */
export function sanitizeArticleHtml(html: string, win: Window = globalThis.window): SafeHtml {
  if (!win) throw new SanitizerUnavailableError();
  const purifier = purifierFor(win);
  const container = inertContainerFor(win);
  try {
    // The spec's HTML fragment parser, into a document where nothing runs, loads or fires.
    // eslint-disable-next-line no-restricted-properties
    container.innerHTML = html;
    // IN_PLACE hands back the node it cleaned; anything else (DOMPurify before 3.4.6 stringified a node of
    // another realm and left it as it was) means this one was not cleaned: fail closed.
    const cleaned: unknown = purifier.sanitize(container); // typed as a string; IN_PLACE (set above) gives the node
    if (cleaned !== container) throw new SanitizerUnavailableError();
    // eslint-disable-next-line no-restricted-properties
    return container.innerHTML as SafeHtml;
  } finally {
    container.replaceChildren();
  }
}

/**
 * Sanitizes what `element` holds and returns it as markup, leaving `element` empty: for extraction's
 * chosen body, in a document no one sees and nothing runs in (the private copy, or a DOMParser document
 * the caller owns). Its nodes go into a new `body` element, which DOMPurify copies into a document of
 * its own, cleans there and serialises (its mode for a node; a `body` so that only what it holds is
 * written out). Serialising the body only for sanitizeArticleHtml to parse it again cost a fifth of
 * extraction in Chromium, mostly in giving the freshly parsed nodes their script wrappers; cleaning the
 * nodes where they lie (IN_PLACE) cost more than the copy, in the walks it adds against a tree changing
 * under it. A tree built by script is as safe as a parsed one here: the configuration allows no element
 * whose text the HTML serialiser writes unescaped, and DOMPurify checks each node's namespace against its
 * parent's, so the markup returned parses back to what was cleaned. A body of another DOM than `win`'s
 * (linkedom in Node), or of an XML document, is serialised and cleaned as markup instead.
 */
export function sanitizeElementContent(element: Element, win: Window = globalThis.window): SafeHtml {
  if (!win) throw new SanitizerUnavailableError();
  const doc = element.ownerDocument;
  const NodeOfWindow = (win as Window & { Node?: typeof Node }).Node;
  if (!NodeOfWindow || !(element instanceof NodeOfWindow) || doc.contentType !== 'text/html') {
    // eslint-disable-next-line no-restricted-properties
    return sanitizeArticleHtml(element.innerHTML, win);
  }
  const purifier = purifierFor(win, 'copy');
  const holder = doc.createElement('body');
  holder.append(...Array.from(element.childNodes));
  const cleaned: unknown = purifier.sanitize(holder);
  // Anything but markup (DOMPurify hands an unsupported input back as it came) was not cleaned: fail closed.
  if (typeof cleaned !== 'string') throw new SanitizerUnavailableError();
  return cleaned as SafeHtml;
}

/**
 * Where markup is parsed before DOMPurify walks it: a `div` of one inert document per window (made by
 * the window's DOMParser: no browsing context, so no script runs, no image or other resource loads, no
 * event fires), emptied after every use. DOMPurify given a string parses it into a new DOMParser
 * document on every call instead: the same HTML parser and the same output (all 181 benchmark bodies
 * and 511 hostile pages), but in jsdom that document costs more, and jsdom's window keeps every element
 * with an `id` of every document parsed in it (its tracker of window named properties), and with them
 * the whole document, for as long as the window lives. The `div` is never attached to its document, so
 * nothing in it is tracked; a `div` because IN_PLACE needs an allowed root that cannot be clobbered.
 */
function inertContainerFor(win: Window): HTMLElement {
  let container = inertContainers.get(win);
  if (!container) {
    container = parseInert('', win).createElement('div');
    inertContainers.set(win, container);
  }
  return container;
}

/** True when `win` can run the sanitizer. */
export function canSanitize(win: Window | undefined): boolean {
  if (!win) return false;
  try {
    purifierFor(win);
    return true;
  } catch {
    return false;
  }
}
