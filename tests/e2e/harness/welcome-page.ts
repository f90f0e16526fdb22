import type { BrowserContext, Page } from '@playwright/test';

/**
 * The onboarding page a fresh click-only install opens by itself, once loaded. Waiting for it also keeps
 * it from coming to the front later, in the middle of a test that presses the toolbar button (which acts
 * on the window's active tab).
 */
export async function welcomePage(context: BrowserContext, extensionId: string): Promise<Page> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  const opened = context.pages().find((page) => page.url() === url) ?? (await context.waitForEvent('page', { predicate: (page) => page.url() === url }));
  await opened.waitForLoadState();
  return opened;
}
