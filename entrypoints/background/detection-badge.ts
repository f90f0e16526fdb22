import { onMessage } from '@/lib/messaging';
import { validated } from '@/lib/messaging-schema';
import { toolbarAction } from './action';

const ARTICLE_TITLE = 'Folio: article available — click to read (Alt+Shift+R)';
const DEFAULT_TITLE = 'Folio: read this page';

/** The toolbar icon says "article available" on article pages and nothing elsewhere. */
export function registerDetectionBadge(): void {
  onMessage('reportDetection', validated('reportDetection', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
    await toolbarAction.setBadgeText({ tabId, text: data.isArticle ? '✓' : '' });
    if (data.isArticle) await toolbarAction.setBadgeBackgroundColor({ tabId, color: '#2f6f4f' });
    await toolbarAction.setTitle({ tabId, title: data.isArticle ? ARTICLE_TITLE : DEFAULT_TITLE });
  }));
}
