import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messaging';
import { validated } from '@/lib/messaging-schema';
import { READER_PART_FILES } from '@/lib/content/reader-parts';

/**
 * Injects the rest of the reader into the frame whose reader.js asks for it (lib/content/
 * reader-parts.ts). Only a content script can send this (its sender has a tab), into its own frame:
 * the tab's grant (activeTab from the click, or the site access detection uses) is the one reader.js
 * was injected with. Answers once the part's scripts have run, in order.
 */
export function registerReaderParts(): void {
  onMessage(
    'loadReaderPart',
    validated('loadReaderPart', async ({ data, sender }) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('Only a page may ask for a reader part.');
      // One call per file: each script is then evaluated in a task of its own, not all in one.
      for (const file of READER_PART_FILES[data.part]) await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [file] });
    }),
  );
}
