import { useEffect, useState, type ReactNode } from 'react';
import type { Article, ExtractResult } from '@/lib/extract/types';
import type { ReaderPrefs } from '@/lib/storage/prefs';
import { typographyStyle } from '@/lib/reader/typography';
import { ArticleHeader } from './ArticleHeader';
import { NoArticle } from './NoArticle';
import { ReaderPanelsProvider } from './reader-panels';
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
  /** Shown after the article's body, inside the article (a multi-page story's "Continue" control). */
  articleEnd?: ReactNode;
  /** Features drawn over the article (reading tools), given the rendered body and the element that scrolls. */
  renderArticleTools?: ((context: ArticleToolsContext) => ReactNode) | undefined;
}

export interface ArticleToolsContext {
  article: Article;
  body: HTMLElement | null;
  scroller: HTMLElement | null;
}

/** The reading surface shared by the page overlay and the saved-article reader page. */
export function ReaderView({ result, prefs, onPrefsChange, onClose, saveState = 'unavailable', onSave, onOpenLibrary, toolbarExtras, customCss, renderArticleTools, articleEnd }: ReaderViewProps) {
  const [showAnyway, setShowAnyway] = useState(false);
  const paint = useResolvedTheme(prefs.theme);
  // Elements (not refs) in state, so tools re-render once the article is in the DOM.
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [articleElement, setArticleElement] = useState<HTMLElement | null>(null);
  // The body the tools see is the whole body: a long one is written in slices (SafeHtmlBlock), and the
  // tools (highlights, find, contents, read aloud) index it once it is all there.
  const [renderedContent, setRenderedContent] = useState<string | null>(null);
  const toolbarHeight = useToolbarHeight(scroller);
  const article = result.ok ? result.article : showAnyway ? result.bestEffort : undefined;
  return (
    <ReaderPanelsProvider>
      <div
        ref={setScroller}
        className="folio-reader"
        data-theme={prefs.theme}
        data-paint={paint}
        data-font={prefs.font}
        style={toolbarHeight ? { ...typographyStyle(prefs), '--folio-toolbar-height': `${toolbarHeight}px` } : typographyStyle(prefs)}
      >
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
            <article ref={setArticleElement} className="folio-article" lang={article.lang ?? undefined} dir={article.dir ?? 'auto'}>
              <ArticleHeader article={article} />
              <SafeHtmlBlock className="folio-body" html={article.content} onRendered={() => setRenderedContent(article.content)} />
              {articleEnd}
            </article>
          ) : (
            !result.ok && <NoArticle detail={result.detail} canShowAnyway={Boolean(result.bestEffort)} onShowAnyway={() => setShowAnyway(true)} />
          )}
        </main>
        {article && renderArticleTools?.({ article, body: renderedContent === article.content ? (articleElement?.querySelector<HTMLElement>('.folio-body') ?? null) : null, scroller })}
      </div>
    </ReaderPanelsProvider>
  );
}

/**
 * The toolbar's height, for what is pinned below it (reading tools, find bar): it grows when its
 * buttons wrap onto a second line in a narrow window.
 */
function useToolbarHeight(scroller: HTMLElement | null): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const toolbar = scroller?.querySelector<HTMLElement>('.folio-toolbar');
    if (!toolbar || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(Math.round(toolbar.getBoundingClientRect().height)));
    observer.observe(toolbar);
    return () => observer.disconnect();
  }, [scroller]);
  return height;
}
