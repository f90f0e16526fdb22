import type { Page } from 'playwright-core';
import { ProbeWorld } from './probe-world';

/**
 * What both surfaces (the overlay and the saved-article reader page) go through once the article is
 * on screen: waiting for it, provocation (so that surviving payloads get their triggers), a scan of
 * what the rendered article would load, and its markup for the audit. The looking is done from a
 * probe world (see probe-world.ts); the pointer and keys are real input events.
 */

/** Time for load, error, animation and toggle events after the pointer and focus moves. */
const AFTER_PROVOKE_MS = 400;
/** How many of the body's non-prose elements get hovered one by one. */
const MAX_PROBES = 8;

export async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Helpers every probe function finds as `__folioProbe` in its world; built-ins only (the world's own). */
interface ProbeHelpers {
  /** The first match of `selector` in the document or in the overlay's shadow root. */
  find(selector: string): Element | null;
  /** The document's root element, past any named element that clobbers `documentElement`. */
  rootElement(): Element | null;
}

function installProbeHelpers(): void {
  const query = Document.prototype.querySelector;
  const queryAll = Document.prototype.querySelectorAll;
  const rootGetter = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')!.get!;
  const shadowGetter = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot')!.get!;
  const helpers: ProbeHelpers = {
    find(selector) {
      const inDocument = query.call(document, selector);
      if (inDocument) return inDocument;
      for (const host of Array.from(queryAll.call(document, 'folio-reader'))) {
        const shadow = shadowGetter.call(host) as ShadowRoot | null;
        const found = shadow?.querySelector(selector);
        if (found) return found;
      }
      return null;
    },
    rootElement: () => rootGetter.call(document) as Element | null,
  };
  Object.defineProperty(globalThis, '__folioProbe', { value: helpers });
}

const PRELUDE = `(${installProbeHelpers.toString()})();`;
declare const __folioProbe: ProbeHelpers;

export const BODY = '.folio-reader .folio-body';
const NO_ARTICLE = '.folio-reader .folio-no-article';

/** One lane's tab, looked at from its probe world. */
export class Surface {
  private constructor(readonly page: Page, private readonly world: ProbeWorld) {}

  static async attach(page: Page): Promise<Surface> {
    return new Surface(page, await ProbeWorld.attach(page, PRELUDE));
  }

  /** Opens `url` in the tab (the probe world follows to the new document). */
  async goto(url: string, waitUntil: 'domcontentloaded' | 'load' = 'domcontentloaded'): Promise<void> {
    this.world.reset();
    await this.page.goto(url, { waitUntil, timeout: 15_000 });
  }

  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.world.run(fn, arg);
  }

  /** Waits for the article body (or the "no article" notice); polls in the page, one call. */
  waitForArticle(timeoutMs: number): Promise<'body' | 'no-article' | 'timeout'> {
    return this.run(({ body, noArticle, timeout }) => new Promise<'body' | 'no-article' | 'timeout'>((resolve) => {
      const start = performance.now();
      const check = () => {
        if (__folioProbe.find(body)) resolve('body');
        else if (__folioProbe.find(noArticle)) resolve('no-article');
        else if (performance.now() - start > timeout) resolve('timeout');
        else setTimeout(check, 40);
      };
      check();
    }), { body: BODY, noArticle: NO_ARTICLE, timeout: timeoutMs });
  }

  /** Waits until `selector` matches an element whose text includes `text`; false on timeout. */
  waitForText(selector: string, text: string, timeoutMs: number): Promise<boolean> {
    return this.run(({ selector: wanted, text: words, timeout }) => new Promise<boolean>((resolve) => {
      const start = performance.now();
      const check = () => {
        if ((__folioProbe.find(wanted)?.textContent ?? '').includes(words)) resolve(true);
        else if (performance.now() - start > timeout) resolve(false);
        else setTimeout(check, 40);
      };
      check();
    }), { selector, text, timeout: timeoutMs });
  }

  /**
   * Clicks the element `selector` with the real mouse, when it is there and enabled; returns why not
   * otherwise (null when clicked).
   */
  async click(selector: string): Promise<string | null> {
    const target = await this.run((wanted) => {
      const element = __folioProbe.find(wanted) as HTMLButtonElement | null;
      if (!element) return { problem: 'not there' };
      if (element.disabled) return { problem: `disabled ("${element.textContent ?? ''}")` };
      element.scrollIntoView({ block: 'center' });
      const rect = element.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }, selector);
    if ('problem' in target) return `${selector}: ${target.problem}`;
    await this.page.mouse.click(target.x, target.y);
    return null;
  }

  /** The root element's `data-<key>` (the fallback canary), read past any clobbering. */
  readDataset(key: string): Promise<string | null> {
    return this.run((name) => (__folioProbe.rootElement() as HTMLElement | null)?.dataset[name] ?? null, key).catch(() => null);
  }

  /**
   * Gives surviving payloads their triggers: pointer moves across the viewport (hover and pointer
   * handlers on covering elements), over each leftover element of the payload, Tab presses (focus
   * handlers), and time for load, error, animation and toggle events.
   */
  async provoke(): Promise<void> {
    const { width, height } = this.page.viewportSize() ?? { width: 800, height: 600 };
    for (const [x, y] of [[0.05, 0.05], [0.5, 0.5], [0.95, 0.95]] as const) await this.page.mouse.move(x * width, y * height);
    // Hover what is left of the payload: elements of the body other than the article's own prose.
    const count = await this.run(({ body, max }) => {
      const root = __folioProbe.find(body);
      if (!root) return 0;
      const prose = new Set(['p', 'figure', 'img', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'nav', 'main', 'footer', 'article', 'div', 'section', 'br']);
      let marked = 0;
      for (const element of Array.from(root.querySelectorAll('*'))) {
        if (marked < max && !prose.has(element.localName)) element.setAttribute('data-folio-probe', String(marked++));
      }
      return marked;
    }, { body: BODY, max: MAX_PROBES }).catch(() => 0);
    for (let i = 0; i < count; i++) {
      const box = await this.run((selector) => {
        const element = __folioProbe.find(selector);
        if (!element) return null;
        element.scrollIntoView({ block: 'center' });
        const rect = element.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }, `${BODY} [data-folio-probe="${i}"]`).catch(() => null);
      if (box) await this.page.mouse.move(box.x, box.y);
    }
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.press('Tab');
    await sleep(AFTER_PROVOKE_MS);
  }

  /**
   * Lists what in the rendered article would load from the attacker's host, without relying on the
   * network: Chromium reuses, within one document, a CSS image the raw page already fetched (or
   * failed to fetch) for the same URL, so the overlay's own `url()` to it makes no new request.
   * Computed styles, style sheets and loading attributes still show it. Throws when it cannot look.
   */
  scan(attackerHost: string): Promise<string[]> {
    return this.run((host) => {
      const reader = __folioProbe.find('.folio-reader');
      if (!reader) throw new Error('no rendered reader to scan');
      const root = reader.getRootNode() as ShadowRoot | Document;
      const found: string[] = [];
      const onAttacker = (url: string) => {
        try {
          return new URL(url.trim(), document.baseURI).hostname === host;
        } catch {
          return false;
        }
      };
      // Attributes whose URL the browser fetches without a click (links, cite, longdesc never load).
      const loadingUrls = (element: Element, name: string, value: string): string[] => {
        const tag = element.localName.toLowerCase();
        if (['src', 'poster', 'data', 'background', 'lowsrc', 'dynsrc', 'codebase', 'attributionsrc'].includes(name)) return [value];
        if (name === 'srcset') return value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '');
        if (name === 'href') return ['link', 'base', 'image', 'use', 'feimage', 'script'].includes(tag) ? [value] : [];
        if (name === 'xlink:href') return ['image', 'use', 'feimage', 'script'].includes(tag) ? [value] : [];
        if (name === 'content' && tag === 'meta') return [value.replace(/^[^;]*;\s*url\s*=\s*['"]?/i, '').replace(/['"]$/, '')];
        return [];
      };
      const styleProperties = ['background-image', 'list-style-image', 'border-image-source', 'mask-image', '-webkit-mask-image', 'cursor', 'content', 'filter', 'fill', 'stroke', 'clip-path', 'shape-outside'];
      for (const element of Array.from(root.querySelectorAll('*'))) {
        const name = element.localName;
        const style = getComputedStyle(element);
        for (const property of styleProperties) {
          if (style.getPropertyValue(property).includes(host)) found.push(`<${name}> style ${property}`);
        }
        for (const attribute of Array.from(element.attributes)) {
          if (loadingUrls(element, attribute.name.toLowerCase(), attribute.value).some(onAttacker)) found.push(`<${name}> ${attribute.name}`);
        }
        if (name === 'style' && (element.textContent ?? '').includes(host)) found.push('<style> sheet');
      }
      return found;
    }, attackerHost);
  }

  /**
   * The rendered article body as Chromium serializes it, for the markup audit (empty when absent).
   * Folio's own marks come off first: the ids it gives headings for its table of contents
   * (`folio-toc-N`, rendered copy only; page ids cannot take that form, the sanitizer prefixes
   * them) and this harness's probe marks. Everything else is audited as rendered.
   */
  renderedBody(): Promise<string> {
    return this.run((selector) => {
      const body = __folioProbe.find(selector);
      if (!body) return '';
      const copy = body.cloneNode(true) as Element;
      for (const element of Array.from(copy.querySelectorAll('[data-folio-probe]'))) element.removeAttribute('data-folio-probe');
      for (const heading of Array.from(copy.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
        if (/^folio-toc-\d+$/.test(heading.id)) heading.removeAttribute('id');
      }
      // eslint-disable-next-line no-restricted-properties -- reads what Folio rendered; nothing is written
      return copy.innerHTML;
    }, BODY).catch(() => '');
  }

  async close(): Promise<void> {
    await this.world.detach();
    await this.page.close({ runBeforeUnload: false }).catch(() => undefined);
  }
}
