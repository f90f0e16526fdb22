/**
 * The library page's module entry: library-first-screen.js imports it once its rows have been presented
 * (page-module.ts). An entry of its own, not main.tsx itself, so that Vite loads main's stylesheet and
 * imports through its dynamic-import preloads rather than as tags in the HTML's head, fetched (and the
 * stylesheet render-blocking) before the first screen could be painted.
 */
void import('./main');
