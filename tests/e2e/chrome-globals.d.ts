// Code that Playwright runs inside the extension's service worker uses the `chrome` global.
/// <reference types="chrome" />
