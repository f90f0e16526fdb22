import { useEffect, useState } from 'react';
import { ReaderView } from '@/components/ReaderView';
import { ReadingTools } from '@/components/reading/ReadingTools';
import type { ExtractResult } from '@/lib/extract/types';
import { sendMessage } from '@/lib/messaging';
import { useOverlayHighlights } from './use-overlay-highlights';
import { useSaveArticle } from './use-save-article';
import { DEFAULT_READER_PREFS, loadReaderPrefs, saveReaderPrefs, watchReaderPrefs, type ReaderPrefs } from '@/lib/storage/prefs';

interface OverlayAppProps {
  result: ExtractResult;
  onClose: () => void;
}

/** The overlay's live state: preferences loaded, watched (other tabs, other devices) and saved. */
export function OverlayApp({ result, onClose }: OverlayAppProps) {
  const [prefs, setPrefs] = useState<ReaderPrefs>(DEFAULT_READER_PREFS);
  useEffect(() => {
    let active = true;
    void loadReaderPrefs().then((loaded) => active && setPrefs(loaded));
    const unwatch = watchReaderPrefs(setPrefs);
    return () => {
      active = false;
      unwatch();
    };
  }, []);
  const { saveState, saveError, save } = useSaveArticle(result);
  const highlights = useOverlayHighlights(result, saveState);
  const changePrefs = (change: Partial<ReaderPrefs>) => {
    setPrefs((current) => ({ ...current, ...change }));
    void saveReaderPrefs(change);
  };
  return (
    <ReaderView
      result={result}
      prefs={prefs}
      onPrefsChange={changePrefs}
      onClose={onClose}
      onOpenLibrary={() => void sendMessage('openLibrary', undefined)}
      saveState={saveState}
      onSave={(article) => void save(article)}
      toolbarExtras={saveError && <span role="alert" className="folio-save-error">{saveError}</span>}
      renderArticleTools={(context) => <ReadingTools {...context} highlights={highlights} onRequestSave={() => void save(context.article)} />}
    />
  );
}
