import { describe, expect, it } from 'vitest';
import { claimExtensionApi, isExtensionApi } from '@/lib/content/extension-api-guard';

/**
 * A content script's global as Chromium builds it on a clobbering page: own properties for what the
 * world defines itself, and the page's named elements behind it (the named-properties object sits in
 * the global's prototype chain).
 */
function isolatedWorld(own: Record<string, unknown>, namedElements: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(namedElements) as Record<string, unknown>, own);
}

function realApi(id = 'folioextensionid') {
  return { runtime: { id, getURL: (path: string) => `chrome-extension://${id}/${path}`, sendMessage: () => undefined }, storage: { local: {} } };
}

/** `<form id="chrome"><input name="runtime" id="…">`: the bindings' namespaces on the form, `runtime` answered by the input. */
function formWithRuntimeInput(inputId = '') {
  return { ...realApi(), runtime: { id: inputId, tagName: 'INPUT' }, tagName: 'FORM' };
}

describe('claimExtensionApi (DOM clobbering of chrome / browser in the isolated world)', () => {
  it('leaves a world whose own chrome is real alone', () => {
    const api = realApi();
    const world = isolatedWorld({ chrome: api }, {});
    expect(claimExtensionApi(world)).toBe('intact');
    expect(world.chrome).toBe(api);
    expect(Object.getOwnPropertyNames(world)).toEqual(['chrome']);
  });

  it('reclaims the corpus case: <a id="browser"> holds the API, <form id="chrome"> hides runtime', () => {
    const anchorWithApi = { ...realApi(), href: 'http://attacker.test/b' };
    const world = isolatedWorld({}, { chrome: formWithRuntimeInput(), browser: anchorWithApi });
    expect(isExtensionApi(world.chrome)).toBe(false);
    expect(claimExtensionApi(world)).toBe('reclaimed');
    expect(world.chrome).toBe(anchorWithApi);
    expect(world.browser).toBe(anchorWithApi);
    expect(Object.getOwnPropertyDescriptor(world, 'chrome')?.value).toBe(anchorWithApi);
  });

  it('turns a clobbered browser (a form whose runtime input has an id) into undefined, so the polyfill wraps chrome', () => {
    const api = realApi();
    const world = isolatedWorld({ chrome: api }, { browser: formWithRuntimeInput('runtime-field') });
    expect(claimExtensionApi(world)).toBe('reclaimed');
    expect(world.chrome).toBe(api);
    expect(Object.prototype.hasOwnProperty.call(world, 'browser')).toBe(true);
    expect(world.browser).toBeUndefined();
  });

  it('keeps the pinned namespace when the page adds named elements later', () => {
    const named: Record<string, unknown> = { chrome: formWithRuntimeInput(), browser: realApi() };
    const world = isolatedWorld({}, named);
    claimExtensionApi(world);
    const pinned = world.chrome;
    named.chrome = { tagName: 'IMG' };
    named.browser = { tagName: 'A' };
    expect(world.chrome).toBe(pinned);
    expect(isExtensionApi(world.browser)).toBe(true);
  });

  it('says lost, and changes nothing, when both names are clobbered by forms', () => {
    const world = isolatedWorld({}, { chrome: formWithRuntimeInput(), browser: formWithRuntimeInput('x') });
    expect(claimExtensionApi(world)).toBe('lost');
    expect(Object.getOwnPropertyNames(world)).toEqual([]);
  });

  it('does not take elements for the API: a runtime needs an id and callable methods', () => {
    expect(isExtensionApi({ runtime: { id: 'x' } })).toBe(false);
    expect(isExtensionApi({ runtime: { id: '', getURL: () => '', sendMessage: () => undefined } })).toBe(false);
    expect(isExtensionApi(null)).toBe(false);
    expect(isExtensionApi(realApi())).toBe(true);
  });
});
