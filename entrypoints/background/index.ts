import { defineBackground } from 'wxt/utils/define-background';
import { onMessage } from '@/lib/messaging';
import { registerDetectionBadge } from './detection-badge';
import { browser } from 'wxt/browser';
import { openLibrary, registerToolbarBehaviour } from './toolbar-behaviour';
import { toggleReader } from './toggle-reader';
import { registerLibraryMenus } from './library-menus';
import { registerHighlightMessages } from './library-highlights';
import { registerLibraryMessages } from './library-save';

export default defineBackground(() => {
  registerToolbarBehaviour();
  registerDetectionBadge();
  registerLibraryMessages();
    registerHighlightMessages();
  registerLibraryMenus();
  onMessage('openLibrary', () => openLibrary());
  onMessage('openReader', async () => toggleReader((await browser.tabs.query({ active: true, currentWindow: true }))[0]));
});
