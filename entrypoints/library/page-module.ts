import { PAGE_MODULE_META } from '@/lib/build/defer-page-module';
import { afterFirstPaint } from './after-first-paint';

/**
 * The library page's module (start.ts, then React, Dexie and the app: about 200 ms of script to start
 * on a loaded machine), named by the built page's `<meta name="folio-page-module">` rather than asked
 * for by the HTML (lib/build/defer-page-module.ts: why). Started earlier it held the CPU while the drawn
 * rows were still being rastered and presented (a trace showed the paint waiting for it), so it is
 * imported once the browser reports that first paint presented; at once when nothing was drawn or the
 * page is hidden (no frames come then). Without the meta (the dev server's page) the HTML's own module
 * script loads it.
 */
export function loadPageModule(doc: Document, drawn: boolean, load: (url: string) => unknown = (url) => import(/* @vite-ignore */ url)): void {
  const url = doc.querySelector<HTMLMetaElement>(`meta[name="${PAGE_MODULE_META}"]`)?.content;
  if (!url) return;
  const start = () => void load(url);
  if (!drawn || doc.visibilityState === 'hidden') start();
  else afterFirstPaint(start);
}
