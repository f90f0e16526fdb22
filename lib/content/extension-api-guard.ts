/**
 * Page DOM clobbering versus the extension API, in Chromium. A content script's isolated world is
 * created when the first script is injected into a page, and the extension bindings then look up
 * `chrome` and `browser` on the world's global object, where the page's named elements are visible
 * (named access on `window`): on a page with `<form id="chrome"><input name="runtime">` the API is
 * installed on the form's wrapper, whose named getter then answers `chrome.runtime` with the input;
 * `<a id="browser">` receives the `browser` namespace the same way. webextension-polyfill and WXT read
 * these globals when first imported, and the polyfill throws ("This script should only be loaded in
 * a browser extension") when `chrome.runtime.id` is missing, so the overlay never opened.
 *
 * `claimExtensionApi` runs before them (import this module first in every content script): it finds
 * a namespace whose runtime is real and pins it as an own property of the isolated world's global.
 * An own property wins over named access, also against elements the page adds later.
 */

export type ApiClaim = 'intact' | 'reclaimed' | 'lost';

const NAMES = ['chrome', 'browser'] as const;

interface RuntimeLike {
  id?: unknown;
  getURL?: unknown;
  sendMessage?: unknown;
}

/** A real extension namespace: a runtime with a non-empty id and callable methods (no element has those). */
export function isExtensionApi(value: unknown): boolean {
  try {
    const runtime = (value as { runtime?: RuntimeLike } | null | undefined)?.runtime;
    return typeof runtime?.id === 'string' && runtime.id !== '' && typeof runtime.getURL === 'function' && typeof runtime.sendMessage === 'function';
  } catch {
    return false;
  }
}

function holdsOwnApi(global: object, name: string): boolean {
  const own = Object.getOwnPropertyDescriptor(global, name);
  return own !== undefined && 'value' in own && isExtensionApi(own.value);
}

function pin(global: object, name: string, value: unknown): void {
  Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
}

/**
 * Makes `chrome` (and `browser`, where it is not the real API) safe to read in this world. `browser`
 * that is not a real namespace becomes undefined, so the polyfill wraps `chrome` as it does in a
 * Chrome without `browser`. Returns `lost` when no real namespace is reachable at all (a page that
 * clobbers both names with forms): nothing is changed then, and the extension cannot start here.
 */
export function claimExtensionApi(global: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): ApiClaim {
  const values = NAMES.map((name) => ({ name, value: global[name] }));
  const api = values.find(({ value }) => isExtensionApi(value))?.value;
  if (api === undefined) return 'lost';
  let claim: ApiClaim = 'intact';
  for (const { name, value } of values) {
    // The usual case: the world's own, real namespace; or a Chrome without `browser`.
    if (holdsOwnApi(global, name) || (name === 'browser' && value === undefined)) continue;
    const replacement = isExtensionApi(value) ? value : name === 'chrome' ? api : undefined;
    pin(global, name, replacement);
    claim = 'reclaimed';
  }
  return claim;
}

claimExtensionApi();
