import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { drawFirstScreen, rowsThatFit } from '@/components/library/first-screen-dom';
import { readFirstScreen } from '@/lib/storage/first-screen';
import libraryCss from './library/library.css?inline';
import { OPENING_VIEW } from './library/opening-view';
import { loadPageModule } from './library/page-module';

/**
 * The library page's first script: the page's stylesheet and its remembered first screen, drawn as
 * plain DOM before anything else of the page is loaded. library.html loads it as a classic deferred
 * script, the first file it asks for (WXT builds an unlisted script as one IIFE file: no imports to
 * fetch), so it runs as soon as the body is parsed. Traced in Chromium, the module script it replaces
 * waited for four files (itself, two imports, a render-blocking stylesheet: 45–70 ms at load; extension
 * files are answered by the browser's UI thread, busy right after a navigation). The stylesheet comes
 * inside this file as a <style> (the extension's CSP restricts scripts, not styles): one file to wait
 * for before the first paint, not two, and the only one (the page's module is imported once this drawing
 * has been presented: library/page-module.ts). Only the rows that fit the window are drawn. React
 * replaces the drawing with the same rows, then IndexedDB's answer confirms them.
 */
export default defineUnlistedScript(() => {
  // Read by the benchmark (scripts/bench-library.ts), as the phases of the first paint.
  performance.mark('folio:library-first-screen-start');
  const style = document.createElement('style');
  style.textContent = libraryCss;
  document.head.append(style);
  const remembered = readFirstScreen(JSON.stringify(OPENING_VIEW));
  if (remembered) {
    // The root font size of a document with no layout yet: a style lookup on one element, no layout forced.
    const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    drawFirstScreen(document.getElementById('root')!, remembered.slice(0, rowsThatFit(innerHeight, remPx)), new URL('/article.html', location.href).href);
    // Read by the benchmark: the rows are drawn, about to be painted; then the frame that paints them starts.
    performance.mark('folio:library-first-screen-drawn');
    requestAnimationFrame((frameStart) => performance.mark('folio:library-first-screen-frame', { startTime: frameStart }));
  }
  loadPageModule(document, remembered !== null);
});
