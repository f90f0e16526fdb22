import { ContinueReading } from '@/components/ContinueReading';
import { ExtractionDebugControl } from '@/components/ExtractionDebugControl';
import { ReaderView } from '@/components/ReaderView';
import { SiteRulesControl } from '@/components/settings/SiteRulesControl';
import { useLiveValue } from '@/components/settings/use-live-value';
import { useSiteReaderPrefs } from '@/components/settings/use-site-reader-prefs';
import '@/components/settings/site-rules.css';
import type { ExtractResult } from '@/lib/extract/types';
import { sendMessage } from '@/lib/messaging';
import { siteKey } from '@/lib/prefs/site-rules';
import * as prefsStorage from '@/lib/storage/prefs';
import { DEFAULT_BEHAVIOUR_PREFS, loadBehaviourPrefs, loadCustomCss, watchBehaviourPrefs, watchCustomCss } from '@/lib/storage/prefs';
import { ReadingTools } from '@/components/reading/ReadingTools';
import { loadReaderPart } from '@/lib/content/reader-parts';
import { useMultiPage } from './use-multi-page';
import { useOverlayHighlights } from './use-overlay-highlights';
import { useSaveArticle } from './use-save-article';

interface OverlayAppProps {
  result: ExtractResult;
  onClose: () => void;
}

/** The overlay's live state: every preference loaded, watched (other tabs, other devices) and saved. */
export function OverlayApp({ result, onClose }: OverlayAppProps) {
  const host = siteKey(location.href);
  const site = useSiteReaderPrefs(host, prefsStorage);
  const [behaviour] = useLiveValue(DEFAULT_BEHAVIOUR_PREFS, loadBehaviourPrefs, watchBehaviourPrefs);
  const [customCss] = useLiveValue('', loadCustomCss, watchCustomCss);
  // A multi-page story with the pages loaded so far: what is shown is what Save keeps.
  const multiPage = useMultiPage(result);
  const { saveState, saveError, save } = useSaveArticle(result, multiPage.pages);
  const highlights = useOverlayHighlights(result, saveState);
  return (
    <ReaderView
      result={multiPage.result}
      prefs={site.prefs}
      customCss={customCss}
      onPrefsChange={site.changePrefs}
      onClose={onClose}
      onOpenLibrary={() => void sendMessage('openLibrary', undefined)}
      saveState={saveState}
      onSave={(article) => void save(article)}
      toolbarExtras={
        <>
          {saveError && <span role="alert" className="folio-save-error">{saveError}</span>}
          {behaviour.showShortcuts && <span className="folio-shortcuts">Esc closes · Alt+Shift+R toggles</span>}
          {host && <SiteRulesControl host={host} rule={site.rule} fontSize={site.prefs.fontSize} onChange={site.changeRule} message={site.ruleMessage} />}
          <ExtractionDebugControl explain={async () => (await loadReaderPart('extract')).explain(document, location.href)} />
        </>
      }
      articleEnd={multiPage.status && <ContinueReading status={multiPage.status} onContinue={multiPage.loadNext} />}
      renderArticleTools={(context) => <ReadingTools {...context} highlights={highlights} onRequestSave={() => void save(context.article)} />}
    />
  );
}
