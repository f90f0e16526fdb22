import { onMessage } from '@/lib/messaging';
import { validated } from '@/lib/messaging-schema';
import { ruleFor, siteKey } from '@/lib/prefs/site-rules';
import { loadBehaviourPrefs, loadSiteRules } from '@/lib/storage/prefs';
import { toolbarAction } from './action';
import { openReader } from './toggle-reader';

const ARTICLE_TITLE = 'Folio: article available — click to read (Alt+Shift+R)';
const DEFAULT_TITLE = 'Folio: read this page';

/**
 * The toolbar icon says "article available" on article pages and nothing elsewhere, unless detection is
 * off (everywhere, or on this site); on a site marked "always open the reader", an article opens in it.
 */
export function registerDetectionBadge(): void {
  onMessage('reportDetection', validated('reportDetection', async ({ data, sender }) => {
    const tab = sender.tab;
    if (tab?.id === undefined || (sender.frameId ?? 0) !== 0) return;
    const tabId = tab.id;
    const [behaviour, rules] = await Promise.all([loadBehaviourPrefs(), loadSiteRules()]);
    const rule = ruleFor(rules, siteKey(tab.url ?? sender.url ?? ''));
    const marked = data.isArticle && behaviour.detection && !rule.hideDetection;
    await toolbarAction.setBadgeText({ tabId, text: marked ? '✓' : '' });
    if (marked) await toolbarAction.setBadgeBackgroundColor({ tabId, color: '#2f6f4f' });
    await toolbarAction.setTitle({ tabId, title: marked ? ARTICLE_TITLE : DEFAULT_TITLE });
    if (data.isArticle && rule.alwaysOpen) await openReader(tab);
  }));
}
