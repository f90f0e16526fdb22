/**
 * Build step for pages that draw their first screen with one classic script (the library): Vite puts
 * the page's module script, and a `modulepreload` for each of its imports, in the HTML's head, so the
 * browser asks for all of those files while the document is still parsing. Extension files are
 * answered by the browser's UI thread, one after the other, right while it is busy with the navigation:
 * traced, the first-screen script waited behind the module and its preload. This step takes them out
 * and names the module in `<meta name="folio-page-module">` instead; the first-screen script imports it
 * once its rows have been presented (entrypoints/library/page-module.ts). Build only: the dev server's
 * HTML keeps its module script, which then loads the page itself.
 */
import type { Plugin } from 'vite';
import { escapeRegExp } from '../escape-regexp';

export const PAGE_MODULE_META = 'folio-page-module';

/**
 * `html` without the module script `/<moduleFile>` nor any modulepreload link, and with the meta that
 * names that module. Throws when the script is not there: a page that silently never loads its module
 * would show its first screen forever.
 */
export function deferPageModule(html: string, moduleFile: string): string {
  const src = `/${moduleFile}`;
  const script = new RegExp(`[ \\t]*<script\\b[^>]*\\btype="module"[^>]*\\bsrc="${escapeRegExp(src)}"[^>]*></script>\\n?`);
  if (!script.test(html)) throw new Error(`deferPageModule: no <script type="module" src="${src}"> in the page`);
  const meta = `<meta name="${PAGE_MODULE_META}" content="${src}">`;
  return html.replace(script, '').replace(/[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>\n?/g, '').replace(/([ \t]*)<\/head>/, `$1  ${meta}\n$1</head>`);
}

/** Vite plugin: deferPageModule for each built page whose entry is named in `pages` (WXT's entrypoint names: `library`). */
export function deferPageModulePlugin(pages: readonly string[]): Plugin {
  return {
    name: 'folio:defer-page-module',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.chunk || !pages.includes(context.chunk.name)) return html;
        return deferPageModule(html, context.chunk.fileName);
      },
    },
  };
}
