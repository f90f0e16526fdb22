// First: pins the real extension API before anything reads `chrome` / `browser` (pages can clobber them).
import '@/lib/content/extension-api-guard';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createReaderBoot } from './reader-boot';

/**
 * The reader's first script: small, it decides where the page is read and loads the rest on demand
 * (lib/content/reader-parts.ts). Never in the manifest's content scripts; the background injects it
 * on the first click or shortcut, and later clicks call the toggle it leaves behind.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  async main(ctx) {
    const reader = createReaderBoot(ctx);
    (globalThis as { __folioToggleReader?: () => void }).__folioToggleReader = () => void reader.toggle();
    ctx.onInvalidated(() => reader.close());
    await reader.open();
  },
});
