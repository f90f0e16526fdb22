import { useState } from 'react';
import { withRule, type SiteRule, type SiteRules } from '@/lib/prefs/site-rules';
import type * as PrefsStorage from '@/lib/storage/prefs';
import { useLiveValue } from './use-live-value';

/** The storage functions the site rules need (passed in, so components stay free of browser APIs). */
export type SiteRulesStorage = Pick<typeof PrefsStorage, 'loadSiteRules' | 'watchSiteRules' | 'saveSiteRule'>;

const NO_RULES: SiteRules = {};

/**
 * Every site's rules, kept live. A change shows at once (a checkbox that waited for the sync write
 * would look unclicked meanwhile); what storage kept then replaces it, or the refusal is the message.
 */
export function useSiteRules(storage: SiteRulesStorage) {
  const [rules, setRules] = useLiveValue(NO_RULES, storage.loadSiteRules, storage.watchSiteRules);
  const [ruleMessage, setRuleMessage] = useState<string | null>(null);
  const changeRule = (host: string, change: Partial<SiteRule>) => {
    setRules(withRule(rules, host, change));
    void storage.saveSiteRule(host, change).then((saved) => {
      setRuleMessage(saved.ok ? null : saved.message);
      if (saved.ok) setRules(saved.rules);
    });
  };
  return { rules, ruleMessage, changeRule };
}
