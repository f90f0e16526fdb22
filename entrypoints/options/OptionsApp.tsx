import { useEffect, useState } from 'react';
import { TypographyPanel } from '@/components/TypographyPanel';
import { useResolvedTheme } from '@/components/use-resolved-theme';
import { typographyStyle } from '@/lib/reader/typography';
import {
  DEFAULT_BEHAVIOUR_PREFS,
  DEFAULT_READER_PREFS,
  loadBehaviourPrefs,
  loadReaderPrefs,
  saveBehaviourPrefs,
  saveReaderPrefs,
  watchBehaviourPrefs,
  watchReaderPrefs,
  type BehaviourPrefs,
  type ReaderPrefs,
} from '@/lib/storage/prefs';

const PREVIEW = 'Folio shows the story and nothing else: no menus, no ads, no sign-up walls. This paragraph previews your text settings as you change them.';

/** Settings with a live preview; changes made elsewhere (another tab, another device) show at once. */
export function OptionsApp() {
  const [reader, setReader] = useState<ReaderPrefs>(DEFAULT_READER_PREFS);
  const [behaviour, setBehaviour] = useState<BehaviourPrefs>(DEFAULT_BEHAVIOUR_PREFS);
  const paint = useResolvedTheme(reader.theme);
  useEffect(() => {
    void loadReaderPrefs().then(setReader);
    void loadBehaviourPrefs().then(setBehaviour);
    const unwatchReader = watchReaderPrefs(setReader);
    const unwatchBehaviour = watchBehaviourPrefs(setBehaviour);
    return () => {
      unwatchReader();
      unwatchBehaviour();
    };
  }, []);
  const changeReader = (change: Partial<ReaderPrefs>) => void saveReaderPrefs(change).then(setReader);
  const changeBehaviour = (change: Partial<BehaviourPrefs>) => void saveBehaviourPrefs(change).then(setBehaviour);
  return (
    <main className="folio-options">
      <h1>Folio settings</h1>
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
          <input type="checkbox" checked={behaviour.detection} onChange={(event) => changeBehaviour({ detection: event.target.checked })} />
          Mark article pages on the toolbar icon
        </label>
      </section>
      <section aria-labelledby="text-heading" className="folio-options-text">
        <h2 id="text-heading">Text</h2>
        <div className="folio-options-panel">
          <TypographyPanel prefs={reader} onChange={changeReader} />
        </div>
        <div className="folio-reader folio-preview" data-theme={reader.theme} data-paint={paint} data-font={reader.font} style={typographyStyle(reader)}>
          <div className="folio-article">
            <h1 className="folio-title">A preview of your reader</h1>
            <div className="folio-body">
              <p>{PREVIEW}</p>
            </div>
          </div>
        </div>
      </section>
    </main>
  );
}
