import { drawFirstScreen } from '@/components/library/first-screen-dom';
import { readFirstScreen } from '@/lib/storage/first-screen';
import './library.css';
import { OPENING_VIEW } from './opening-view';

/**
 * The library page's first script, kept tiny: it draws the remembered first screen as plain DOM, and
 * only then loads the page (main.tsx: React, Dexie, the app), whose start takes ~200 ms in which nothing
 * else could be drawn. Loading waits for the frame with the drawn rows to be painted (a timer after the
 * next animation frame), or not at all when there is nothing remembered or the page is hidden (no frames
 * come then). React replaces the drawing with the same rows, then IndexedDB's answer confirms them.
 */
// Read by the benchmark (scripts/bench-library.ts), as the phases of the first paint.
performance.mark('folio:library-first-screen-start');
const loadPage = () => void import('./main');
const remembered = readFirstScreen(JSON.stringify(OPENING_VIEW));
if (remembered) {
  drawFirstScreen(document.getElementById('root')!, remembered, new URL('/article.html', location.href).href);
  // Read by the benchmark (scripts/bench-library.ts): the rows are drawn, about to be painted.
  performance.mark('folio:library-first-screen-drawn');
}
if (!remembered || document.visibilityState === 'hidden') {
  loadPage();
} else {
  let loaded = false;
  const once = () => {
    if (loaded) return;
    loaded = true;
    loadPage();
  };
  requestAnimationFrame((frameStart) => {
    // The frame that paints the drawn rows starts here (the benchmark's "frame" phase).
    performance.mark('folio:library-first-screen-frame', { startTime: frameStart });
    setTimeout(once, 0);
  });
  // A safety net: a page whose frames stop (hidden just now) still loads.
  setTimeout(once, 100);
}
