import { useState } from 'react';
import { ReaderView } from '@/components/ReaderView';
import { SiteRulesControl } from '@/components/settings/SiteRulesControl';
import { useLiveValue } from '@/components/settings/use-live-value';
import '@/components/settings/site-rules.css';
import type { ExtractResult } from '@/lib/extract/types';
import { sendMessage } from '@/lib/messaging';
import { prefsForSite, ruleFor, siteKey, withRule, type SiteRule, type SiteRules } from '@/lib/prefs/site-rules';
import {
  DEFAULT_BEHAVIOUR_PREFS,
  DEFAULT_READER_PREFS,
  loadBehaviourPrefs,
  loadCustomCss,
  loadReaderPrefs,
  loadSiteRules,
  saveReaderPrefs,
  saveSiteRule,
  watchBehaviourPrefs,
  watchCustomCss,
  watchReaderPrefs,
  watchSiteRules,
  type ReaderPrefs,
} from '@/lib/storage/prefs';
import { ReadingTools } from '@/components/reading/ReadingTools';
import { useOverlayHighlights } from './use-overlay-highlights';
import { useSaveArticle } from './use-save-article';

interface OverlayAppProps {
  result: ExtractResult;
  onClose: () => void;
}

const NO_RULES: SiteRules = {};

/** The overlay's live state: every preference loaded, watched (other tabs, other devices) and saved. */
export function OverlayApp({ result, onClose }: OverlayAppProps) {
  const [prefs, setPrefs] = useLiveValue(DEFAULT_READER_PREFS, loadReaderPrefs, watchReaderPrefs);
  const [rules, setRules] = useLiveValue(NO_RULES, loadSiteRules, watchSiteRules);
  const [behaviour] = useLiveValue(DEFAULT_BEHAVIOUR_PREFS, loadBehaviourPrefs, watchBehaviourPrefs);
  const [customCss] = useLiveValue('', loadCustomCss, watchCustomCss);
  const [ruleMessage, setRuleMessage] = useState<string | null>(null);
  const host = siteKey(location.href);
  const rule = ruleFor(rules, host);
  const sitePrefs = prefsForSite(prefs, rule);
  const { saveState, saveError, save } = useSaveArticle(result);
  const highlights = useOverlayHighlights(result, saveState);

  const changeRule = (change: Partial<SiteRule>) => {
    if (!host) return;
    setRules(withRule(rules, host, change));
    void saveSiteRule(host, change).then((saved) => {
      setRuleMessage(saved.ok ? null : saved.message);
      if (saved.ok) setRules(saved.rules);
    });
  };
  // With its own size, this site's text size changes here; everything else is the reader's.
  const changePrefs = ({ fontSize, ...change }: Partial<ReaderPrefs>) => {
    if (fontSize !== undefined && rule.fontSize !== null) changeRule({ fontSize });
    const readerChange = fontSize !== undefined && rule.fontSize === null ? { ...change, fontSize } : change;
    if (Object.keys(readerChange).length === 0) return;
    setPrefs({ ...prefs, ...readerChange });
    void saveReaderPrefs(readerChange);
  };
  return (
    <ReaderView
      result={result}
      prefs={sitePrefs}
      customCss={customCss}
      onPrefsChange={changePrefs}
      onClose={onClose}
      onOpenLibrary={() => void sendMessage('openLibrary', undefined)}
      saveState={saveState}
      onSave={(article) => void save(article)}
      toolbarExtras={
        <>
          {saveError && <span role="alert" className="folio-save-error">{saveError}</span>}
          {behaviour.showShortcuts && <span className="folio-shortcuts">Esc closes · Alt+Shift+R toggles</span>}
          {host && <SiteRulesControl host={host} rule={rule} fontSize={sitePrefs.fontSize} onChange={changeRule} message={ruleMessage} />}
        </>
      }
      renderArticleTools={(context) => <ReadingTools {...context} highlights={highlights} onRequestSave={() => void save(context.article)} />}
    />
  );
}
