import { useState, type ReactNode } from 'react';
import type { Article, ExtractResult } from '@/lib/extract/types';
import type { ReaderPrefs } from '@/lib/storage/prefs';
import { typographyStyle } from '@/lib/reader/typography';
import { ArticleHeader } from './ArticleHeader';
import { NoArticle } from './NoArticle';
import { ReaderToolbar, type SaveState } from './ReaderToolbar';
import { SafeHtmlBlock } from './SafeHtmlBlock';
import { useResolvedTheme } from './use-resolved-theme';

export interface ReaderViewProps {
  result: ExtractResult;
  prefs: ReaderPrefs;
  onPrefsChange: (change: Partial<ReaderPrefs>) => void;
  onClose: () => void;
  saveState?: SaveState;
  onSave?: ((article: Article) => void) | undefined;
  onOpenLibrary?: (() => void) | undefined;
  toolbarExtras?: ReactNode;
  /** The reader's custom CSS: rendered inside the reader, so in the overlay it stays in the shadow root. */
  customCss?: string;
}

/** The reading surface shared by the page overlay and the saved-article reader page. */
export function ReaderView({ result, prefs, onPrefsChange, onClose, saveState = 'unavailable', onSave, onOpenLibrary, toolbarExtras, customCss }: ReaderViewProps) {
  const [showAnyway, setShowAnyway] = useState(false);
  const paint = useResolvedTheme(prefs.theme);
  const article = result.ok ? result.article : showAnyway ? result.bestEffort : undefined;
  return (
    <div className="folio-reader" data-theme={prefs.theme} data-paint={paint} data-font={prefs.font} style={typographyStyle(prefs)}>
      {customCss ? <style data-folio-custom-css="">{customCss}</style> : null}
      <ReaderToolbar
        prefs={prefs}
        onPrefsChange={onPrefsChange}
        onClose={onClose}
        saveState={article ? saveState : 'unavailable'}
        onSave={article && onSave ? () => onSave(article) : undefined}
        onOpenLibrary={onOpenLibrary}
      >
        {toolbarExtras}
      </ReaderToolbar>
      <main className="folio-page">
        {article ? (
          <article className="folio-article" lang={article.lang ?? undefined} dir={article.dir ?? 'auto'}>
            <ArticleHeader article={article} />
            <SafeHtmlBlock className="folio-body" html={article.content} />
          </article>
        ) : (
          !result.ok && <NoArticle detail={result.detail} canShowAnyway={Boolean(result.bestEffort)} onShowAnyway={() => setShowAnyway(true)} />
        )}
      </main>
    </div>
  );
}
