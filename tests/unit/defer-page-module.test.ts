import { describe, expect, it } from 'vitest';
import { deferPageModule, deferPageModulePlugin, PAGE_MODULE_META } from '../../lib/build/defer-page-module';

/** A page as Vite writes it: the first-screen script as written, then Vite's module script and preloads. */
const BUILT = `<!DOCTYPE html>
<html lang="en">
  <head>
    <title>Folio library</title>
    <script defer src="/library-first-screen.js" ></script>
    <script type="module" crossorigin src="/chunks/library-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/_virtual_wxt-html-plugins-def.js">
    <link rel="modulepreload" crossorigin href="/chunks/jsx-runtime-123.js">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

function parse(html: string) {
  const heads = html.match(/<head>[\s\S]*<\/head>/)?.[0] ?? '';
  return {
    moduleScripts: (html.match(/<script\b[^>]*type="module"/g) ?? []).length,
    preloads: (html.match(/rel="modulepreload"/g) ?? []).length,
    meta: heads.match(new RegExp(`<meta name="${PAGE_MODULE_META}" content="([^"]+)">`))?.[1] ?? null,
    classicScript: html.includes('<script defer src="/library-first-screen.js" ></script>'),
  };
}

describe('the built library page asks for its first-screen script alone', () => {
  it('takes out the module script and every modulepreload, and names the module in the head', () => {
    const page = parse(deferPageModule(BUILT, 'chunks/library-abc.js'));
    expect(page).toEqual({ moduleScripts: 0, preloads: 0, meta: '/chunks/library-abc.js', classicScript: true });
    expect(parse(BUILT)).toEqual({ moduleScripts: 1, preloads: 2, meta: null, classicScript: true });
  });

  it('fails the build when the page has no such module script (it would never load its module)', () => {
    expect(() => deferPageModule(BUILT, 'chunks/other.js')).toThrow(/no <script type="module" src="\/chunks\/other.js">/);
  });

  it('as a Vite plugin, rewrites only the named entries’ pages, and only in builds', () => {
    const plugin = deferPageModulePlugin(['library']);
    expect(plugin.apply).toBe('build');
    const hook = plugin.transformIndexHtml as { order: string; handler: (html: string, context: object) => string };
    expect(hook.order).toBe('post');
    const library = hook.handler(BUILT, { path: '/entrypoints/library/index.html', filename: 'x', chunk: { name: 'library', fileName: 'chunks/library-abc.js' } });
    expect(parse(library).meta).toBe('/chunks/library-abc.js');
    const options = hook.handler(BUILT, { path: '/entrypoints/options/index.html', filename: 'y', chunk: { name: 'options', fileName: 'chunks/library-abc.js' } });
    expect(options).toBe(BUILT);
  });
});
