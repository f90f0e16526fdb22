import { toolbarAction } from './action';

/**
 * Says something on the toolbar button for one tab: a short badge and its tooltip. The badge goes
 * after a few seconds unless it marks work still going on (`keep`).
 */
export async function flashBadge(tabId: number | undefined, text: string, title: string, { keep = false } = {}): Promise<void> {
  if (tabId === undefined) return;
  await toolbarAction.setBadgeText({ tabId, text });
  await toolbarAction.setTitle({ tabId, title });
  if (!keep) setTimeout(() => void toolbarAction.setBadgeText({ tabId, text: '' }).catch(() => undefined), 4000);
}
