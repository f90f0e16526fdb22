import * as react from 'react';
import * as reactDom from 'react-dom';
import * as reactDomClient from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { READER_REACT_GLOBAL, type ReaderReactKey } from '@/lib/content/reader-react-globals';

/**
 * React's API for the reader overlay, evaluated in a task of its own before reader-overlay.js. These
 * imports are built as Preact's React-compatible layer (lib/content/reader-react-globals.ts, wxt.config.ts).
 * Injected by the background with the overlay (lib/content/reader-parts.ts).
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  main() {
    (globalThis as Record<string, unknown>)[READER_REACT_GLOBAL] = { react, reactDom, reactDomClient, jsxRuntime } satisfies Record<ReaderReactKey, unknown>;
  },
});
