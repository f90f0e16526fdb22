// First: pins the real extension API before anything reads `chrome` / `browser` (pages can clobber them).
import '@/lib/content/extension-api-guard';
import '@/components/reader.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { provideReaderPart } from '@/lib/content/reader-parts';
import { createOverlayController } from './overlay-controller';

/**
 * The reader overlay (React, the reading tools, preferences). Injected by the background when
 * reader.js has something to show (lib/content/reader-parts.ts); reader.js opens and closes it.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['<all_urls>'],
  cssInjectionMode: 'ui',
  main(ctx) {
    const controller = createOverlayController(ctx);
    ctx.onInvalidated(() => controller.close());
    provideReaderPart('overlay', controller);
  },
});
