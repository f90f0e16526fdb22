import { defineConfig } from 'wxt';
import { deferPageModulePlugin } from './lib/build/defer-page-module';
import { makeAllSitesOptional, type ManifestPermissionFields } from './lib/permissions/manifest-host-access';
import { READER_REACT_GLOBAL, READER_REACT_MODULES, READER_REACT_STAND_INS } from './lib/content/reader-react-globals';

type Alias = { find: string | RegExp; replacement: string };
/** Vite's aliases as a list, whichever form the config gave them in. */
function aliasList(alias: unknown): Alias[] {
  if (!alias) return [];
  if (Array.isArray(alias)) return alias as Alias[];
  return Object.entries(alias as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
}
/** Exact module ids only: a plain string alias for `react` would also catch `react/jsx-runtime`. */
const exactly = (id: string) => new RegExp(`^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

// Folio's manifest. Every permission is explained in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader of a file sees where each name comes from.
  imports: false,
  // The desktop `npm start` launches the browser itself (scripts/start.mjs), so WXT never opens one.
  webExt: { disabled: true },
  // @webext-core/messaging pins webextension-polyfill 0.10 and installs its own copy; without this the
  // reader's bundle carried two polyfills (0.10 and 0.12). One copy, the top-level one, for every bundle.
  // The library's first screen is one classic script; its module waits until those rows are presented
  // (lib/build/defer-page-module.ts: why).
  vite: () => ({ resolve: { dedupe: ['webextension-polyfill'] }, plugins: [deferPageModulePlugin(['library'])] }),
  manifest: ({ browser }) => ({
    name: 'Folio',
    description: 'Clutter-free reading and a read-later library that is yours.',
    // "offscreen" (Chrome): its service worker has no DOM, so extraction away from the page runs in an offscreen document.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['offscreen'])],
    action: { default_title: 'Folio: read this page' },
    commands: {
      'toggle-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open or close the reader view',
      },
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the page to the Folio library',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // A fixed id: storage.sync needs one in Firefox. Folio collects no data at all.
            gecko: { id: 'folio@folio-reader.org', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  hooks: {
    // The overlay reads React from reader-react.js, injected just before it (lib/content/reader-react-
    // globals.ts): two shorter evaluations instead of one long one on the page's thread.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length !== 1) return;
      // reader-react.js gives the overlay Preact's React-compatible layer under React's names
      // (lib/content/reader-react-globals.ts: why).
      if (entrypoints[0]!.name === 'reader-react') {
        const standIns = Object.entries(READER_REACT_STAND_INS).map(([id, replacement]) => ({ find: exactly(id), replacement }));
        (config.resolve ??= {}).alias = [...standIns, ...aliasList(config.resolve.alias)];
        return;
      }
      if (entrypoints[0]!.name !== 'reader-overlay') return;
      const rollup = (config.build ??= {}).rollupOptions ?? {};
      config.build.rollupOptions = rollup;
      rollup.external = Object.keys(READER_REACT_MODULES);
      const current = rollup.output;
      const output = Array.isArray(current) ? current[0] : (current ?? {});
      if (!output) throw new Error("reader-overlay: no output options to set React's globals on");
      output.globals = Object.fromEntries(Object.entries(READER_REACT_MODULES).map(([id, key]) => [id, `${READER_REACT_GLOBAL}.${key}`]));
      if (!Array.isArray(current)) rollup.output = output;
    },
    // The toolbar button runs action.onClicked (open the reader); the background switches to the popup
    // at run time when the user prefers that (see lib/toolbar-behaviour.ts). A manifest default_popup
    // would stop onClicked from ever firing.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) delete manifest.action.default_popup;
      if (manifest.browser_action) delete manifest.browser_action.default_popup;
      // Access to every site is asked for at run time (onboarding, options), never at install.
      makeAllSitesOptional(manifest as unknown as ManifestPermissionFields);
    },
  },
});
