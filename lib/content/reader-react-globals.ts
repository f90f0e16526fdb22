/**
 * React's API, shared by the reader's overlay scripts through the isolated world's global object
 * (issue 6: the overlay in one 340 KB script took 0.2-0.7 s to evaluate, all in one task that froze
 * the page). reader-react.js evaluates it and puts it here; reader-overlay.js is built with these
 * modules left out and read from here instead (wxt.config.ts), so each script is its own, shorter task.
 * What reader-react.js holds is Preact's React-compatible layer (READER_REACT_STAND_INS), not React.
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

/**
 * The module built into reader-react.js for each of those (wxt.config.ts): Preact's React-compatible
 * layer, about a tenth of React DOM's code. Evaluating React DOM (233 KB) was the page's longest task
 * on a loaded machine, 0.27-0.6 s (bench:big-page); this is 40 KB. The overlay's code and types stay
 * React's; only the content script's copy changes. The extension's own pages keep React.
 */
export const READER_REACT_STAND_INS = {
  react: 'preact/compat',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
} as const satisfies Record<keyof typeof READER_REACT_MODULES, string>;
