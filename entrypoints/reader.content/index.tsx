// First: pins the real extension API before anything reads `chrome` / `browser` (pages can clobber them).
import '@/lib/content/extension-api-guard';
import '@/components/reader.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createOverlayController } from './overlay-controller';

/**
 * The reader: extraction and overlay. Never in the manifest's content scripts; the background injects
 * it on the first click or shortcut, and later clicks call the toggle it leaves behind.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const controller = createOverlayController(ctx);
    (globalThis as { __folioToggleReader?: () => void }).__folioToggleReader = () => void controller.toggle();
    ctx.onInvalidated(() => controller.close());
    await controller.open();
  },
});
