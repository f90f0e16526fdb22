/**
 * React, shared by the reader's overlay scripts through the isolated world's global object (issue 6:
 * the overlay in one 340 KB script took 0.2-0.7 s to evaluate, all in one task that froze the page).
 * reader-react.js evaluates React and puts it here; reader-overlay.js is built with these modules
 * left out and read from here instead (wxt.config.ts), so each script is its own, shorter task.
 */
export const READER_REACT_GLOBAL = '__folioReaderReact';

/** Module id → the property of READER_REACT_GLOBAL that holds it. */
export const READER_REACT_MODULES = {
  react: 'react',
  'react/jsx-runtime': 'jsxRuntime',
  'react-dom': 'reactDom',
  'react-dom/client': 'reactDomClient',
} as const;

/** The properties reader-react.js must set: exactly the modules reader-overlay.js leaves out. */
export type ReaderReactKey = (typeof READER_REACT_MODULES)[keyof typeof READER_REACT_MODULES];
