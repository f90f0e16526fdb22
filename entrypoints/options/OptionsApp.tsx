import { useState } from 'react';
import { CustomCssEditor } from '@/components/settings/CustomCssEditor';
import { DetectionModeSection } from './DetectionModeSection';
import { OfflineImagesSection } from '@/components/settings/OfflineImagesSection';
import { OFFLINE_IMAGE_LIMITS } from '@/lib/library/offline-images/limits';
import { useImageStorageUse } from './use-image-storage-use';
import { SettingsTransfer } from '@/components/settings/SettingsTransfer';
import { ShadowPreview } from '@/components/settings/ShadowPreview';
import { SiteRulesTable } from '@/components/settings/SiteRulesTable';
import { SyncStatusLine } from '@/components/settings/SyncStatusLine';
import { useLiveValue } from '@/components/settings/use-live-value';
import { useSiteRules } from '@/components/settings/use-site-rules';
import { TypographyPanel } from '@/components/TypographyPanel';
import { useResolvedTheme } from '@/components/use-resolved-theme';
import { typographyStyle } from '@/lib/reader/typography';
import {
  DEFAULT_BEHAVIOUR_PREFS,
  DEFAULT_READER_PREFS,
  loadBehaviourPrefs,
  loadCustomCss,
  loadReaderPrefs,
  loadSiteRules,
  saveBehaviourPrefs,
  saveCustomCss,
  saveReaderPrefs,
  saveSiteRule,
  watchBehaviourPrefs,
  watchCustomCss,
  watchReaderPrefs,
  watchSiteRules,
  type BehaviourPrefs,
  type ReaderPrefs,
} from '@/lib/storage/prefs';
import { loadSyncStatus, watchSyncStatus } from '@/lib/storage/sync-status-item';
import type { SyncStatus } from '@/lib/sync';
import readerCss from '@/components/reader.css?inline';
import { exportSettings, importSettings } from './settings-transfer';

const PREVIEW = 'Folio shows the story and nothing else: no menus, no ads, no sign-up walls. This paragraph previews your text settings as you change them.';
/** reader.css pins its :host over the viewport (for the overlay); the preview sits in the page instead. */
const PREVIEW_HOST_CSS = ':host { all: initial !important; display: block !important; position: static !important; } .folio-reader { position: static; inset: auto; overflow: visible; padding: 1.5rem; border-radius: 10px; border: 1px solid var(--folio-rule); z-index: auto; }';
const NO_STATUS: SyncStatus | null = null;

/** Settings with a live preview; changes made elsewhere (another tab, another device) show at once. */
export function OptionsApp() {
  const [reader, setReader] = useLiveValue(DEFAULT_READER_PREFS, loadReaderPrefs, watchReaderPrefs);
  const [behaviour, setBehaviour] = useLiveValue(DEFAULT_BEHAVIOUR_PREFS, loadBehaviourPrefs, watchBehaviourPrefs);
  const { rules, ruleMessage, changeRule } = useSiteRules({ loadSiteRules, watchSiteRules, saveSiteRule });
  const [savedCss] = useLiveValue('', loadCustomCss, watchCustomCss);
  const [syncStatus] = useLiveValue(NO_STATUS, loadSyncStatus, watchSyncStatus);
  const [cssDraft, setCssDraft] = useState<string | null>(null);
  const css = cssDraft ?? savedCss;
  const paint = useResolvedTheme(reader.theme);
  const imageUse = useImageStorageUse();

  const changeReader = (change: Partial<ReaderPrefs>) => void saveReaderPrefs(change).then(setReader);
  const changeBehaviour = (change: Partial<BehaviourPrefs>) => void saveBehaviourPrefs(change).then(setBehaviour);
  return (
    <main className="folio-options">
      <h1>Folio settings</h1>
      <p className="folio-muted">Settings follow you to every browser where you are signed in (they are kept in the browser’s sync storage).</p>
      <section aria-labelledby="sync-heading">
        <h2 id="sync-heading">Reading list sync</h2>
        <SyncStatusLine status={syncStatus} />
      </section>
      <section aria-labelledby="toolbar-heading">
        <h2 id="toolbar-heading">Toolbar button</h2>
        <label>
          <input type="radio" name="toolbarOpens" checked={behaviour.toolbarOpens === 'reader'} onChange={() => changeBehaviour({ toolbarOpens: 'reader' })} />
          Opens the reader on the page (the popup stays in the icon's right-click menu)
        </label>
        <label>
          <input type="radio" name="toolbarOpens" checked={behaviour.toolbarOpens === 'popup'} onChange={() => changeBehaviour({ toolbarOpens: 'popup' })} />
          Opens the popup (Alt+Shift+R still opens the reader)
        </label>
        <label>
          <input type="checkbox" checked={behaviour.showShortcuts} onChange={(event) => changeBehaviour({ showShortcuts: event.target.checked })} />
          Show keyboard shortcuts in the reader’s toolbar
        </label>
      </section>
      <DetectionModeSection />
      <OfflineImagesSection
        keep={behaviour.offlineImages}
        onKeepChange={(keep) => changeBehaviour({ offlineImages: keep })}
        use={imageUse}
        totalLimitBytes={OFFLINE_IMAGE_LIMITS.maxTotalBytes}
        articleLimitBytes={OFFLINE_IMAGE_LIMITS.maxArticleBytes}
      />
      <section aria-labelledby="text-heading" className="folio-options-text">
        <h2 id="text-heading">Text</h2>
        <div className="folio-options-panel">
          <TypographyPanel prefs={reader} onChange={changeReader} />
        </div>
        <ShadowPreview styles={[readerCss, PREVIEW_HOST_CSS, css]}>
          <div className="folio-reader folio-preview" data-theme={reader.theme} data-paint={paint} data-font={reader.font} style={typographyStyle(reader)}>
            <div className="folio-article">
              <h1 className="folio-title">A preview of your reader</h1>
              <div className="folio-body">
                <p>{PREVIEW}</p>
              </div>
            </div>
          </div>
        </ShadowPreview>
      </section>
      <section aria-labelledby="css-heading">
        <h2 id="css-heading">Custom CSS</h2>
        <CustomCssEditor
          saved={savedCss}
          draft={css}
          onDraftChange={setCssDraft}
          onSave={async (text) => {
            const result = await saveCustomCss(text);
            if (result.ok) setCssDraft(null);
            return result;
          }}
        />
      </section>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites</h2>
        <SiteRulesTable rules={rules} fontSize={reader.fontSize} onChange={changeRule} message={ruleMessage} />
      </section>
      <section aria-labelledby="transfer-heading">
        <h2 id="transfer-heading">Export and import</h2>
        <SettingsTransfer onExport={() => void exportSettings()} onImport={importSettings} />
      </section>
    </main>
  );
}
