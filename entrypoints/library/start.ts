import { afterFirstPaint } from './after-first-paint';

/**
 * The library page's module script. library-first-screen.js (a classic script, run before this one)
 * has drawn the remembered first screen; the page itself (main.tsx: React, Dexie, the app) takes about
 * 200 ms of script to start on a loaded machine, and started earlier it held the CPU while the drawn
 * rows were still being rastered and presented (a trace showed the paint waiting for it). So it loads
 * once the browser reports that first paint presented, at once when nothing was drawn or the page is
 * hidden (no frames come then).
 */
const loadPage = () => void import('./main');
if (document.querySelector('[data-first-screen]') === null || document.visibilityState === 'hidden') loadPage();
else afterFirstPaint(loadPage);
