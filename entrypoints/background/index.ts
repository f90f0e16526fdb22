import { defineBackground } from 'wxt/utils/define-background';
import { onMessage } from '@/lib/messaging';
import { validated, warnOnUnknownMessage } from '@/lib/messaging-schema';
import { registerDetectionBadge } from './detection-badge';
import { registerDetectionScript } from './detection-registration';
import { registerOnboarding } from './onboarding';
import { browser } from 'wxt/browser';
import { openLibrary, registerToolbarBehaviour } from './toolbar-behaviour';
import { toggleReader } from './toggle-reader';
import { registerLibraryMenus } from './library-menus';
import { registerHighlightMessages } from './library-highlights';
import { registerLibraryMessages } from './library-save';
import { startLibrarySync } from './sync-library';
import { registerExtractService } from './extract-service';

export default defineBackground(() => {
  registerToolbarBehaviour();
  registerOnboarding();
  registerDetectionScript();
  registerDetectionBadge();
  registerLibraryMessages();
  registerHighlightMessages();
  registerLibraryMenus();
  registerExtractService();
  void startLibrarySync().catch((error) => console.warn('Folio: sync did not start', error));
  onMessage('openLibrary', validated('openLibrary', () => openLibrary()));
  onMessage('openReader', validated('openReader', async () => toggleReader((await browser.tabs.query({ active: true, currentWindow: true }))[0])));
  browser.runtime.onMessage.addListener((message) => void warnOnUnknownMessage(message));
});
