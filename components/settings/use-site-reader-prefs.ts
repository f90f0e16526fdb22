import { prefsForSite, ruleFor, type SiteRule } from '@/lib/prefs/site-rules';
import { DEFAULT_READER_PREFS, type ReaderPrefs } from '@/lib/prefs/schema';
import type * as PrefsStorage from '@/lib/storage/prefs';
import { useLiveValue } from './use-live-value';
import { useSiteRules } from './use-site-rules';

/** The storage functions this hook needs (passed in, so components stay free of browser APIs). */
export type SitePrefsStorage = Pick<typeof PrefsStorage, 'loadReaderPrefs' | 'watchReaderPrefs' | 'saveReaderPrefs' | 'loadSiteRules' | 'watchSiteRules' | 'saveSiteRule'>;

/**
 * The reader's preferences as they apply on one site (the overlay's page, a saved article's site):
 * loaded, kept live, and saved. With its own text size, the site's size changes, not the reader's.
 */
export function useSiteReaderPrefs(host: string | null, storage: SitePrefsStorage) {
  const [prefs, setPrefs] = useLiveValue(DEFAULT_READER_PREFS, storage.loadReaderPrefs, storage.watchReaderPrefs);
  const siteRules = useSiteRules(storage);
  const { ruleMessage } = siteRules;
  const rule = ruleFor(siteRules.rules, host);

  const changeRule = (change: Partial<SiteRule>) => {
    if (host) siteRules.changeRule(host, change);
  };
  const changePrefs = ({ fontSize, ...change }: Partial<ReaderPrefs>) => {
    if (fontSize !== undefined && rule.fontSize !== null) changeRule({ fontSize });
    const readerChange = fontSize !== undefined && rule.fontSize === null ? { ...change, fontSize } : change;
    if (Object.keys(readerChange).length === 0) return;
    setPrefs({ ...prefs, ...readerChange });
    void storage.saveReaderPrefs(readerChange);
  };
  return { prefs: prefsForSite(prefs, rule), rule, ruleMessage, changeRule, changePrefs };
}
