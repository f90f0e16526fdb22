import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useReaderPanel } from '../reader-panels';
import type { Article } from '@/lib/extract/types';
import { articleImages } from '@/lib/reading/article-images';
import { findFootnotes, type Footnote } from '@/lib/reading/footnotes';
import { highlightAsQuote, type Highlight, type HighlightAdapter, type HighlightColor } from '@/lib/reading/highlights';
import { HIGHLIGHT_ID_ATTRIBUTE, MARK_CLASS } from '@/lib/reading/paint-highlights';
import { minutesLeft, scrollFraction } from '@/lib/reading/reading-progress';
import { clearSelectionWithin, selectionRangeWithin } from '@/lib/reading/selection-range';
import { MIN_TOC_HEADINGS, buildTableOfContents, currentSectionIndex } from '@/lib/reading/table-of-contents';
import { buildTextIndex, offsetsOfRange } from '@/lib/reading/text-index';
import { FindBar } from './FindBar';
import { FootnotePopover } from './FootnotePopover';
import { HighlightsPanel } from './HighlightsPanel';
import { ImageLightbox } from './ImageLightbox';
import { ListenControls } from './ListenControls';
import { ReadingProgress } from './ReadingProgress';
import { SelectionMenu, type MenuPosition } from './SelectionMenu';
import { TableOfContents } from './TableOfContents';
import { useFindInArticle } from './use-find-in-article';
import { useHighlights } from './use-highlights';
import { useReadAloud } from './use-read-aloud';
import './reading-tools.css';

export interface ReadingToolsProps {
  article: Article;
  /** The rendered article body (.folio-body) and the element that scrolls it. */
  body: HTMLElement | null;
  scroller: HTMLElement | null;
  highlights: HighlightAdapter;
  /** Offered when highlighting an article that is not saved. */
  onRequestSave?: (() => void) | undefined;
  /** Read-aloud resumes from this paragraph (saved articles) and reports where it is. */
  listenFrom?: number | undefined;
  onListenPosition?: ((paragraph: number) => void) | undefined;
  copyText?: ((text: string) => Promise<void>) | undefined;
}

type Menu = { kind: 'selection'; start: number; end: number; position: MenuPosition } | { kind: 'highlight'; id: string; position: MenuPosition };

/** Where the reading line sits below the scroller's top (under the sticky toolbar). */
const READING_LINE = 96;

function positionBelow(rect: DOMRect): MenuPosition {
  return { top: Math.min(rect.bottom + 8, window.innerHeight - 160), left: Math.max(8, Math.min(rect.left, window.innerWidth - 340)) };
}

const defaultCopy = (text: string) => navigator.clipboard.writeText(text);

/** Listen, highlight and annotate, navigate: everything the reader adds on top of the article. */
export function ReadingTools({ article, body, scroller, highlights: adapter, onRequestSave, listenFrom, onListenPosition, copyText = defaultCopy }: ReadingToolsProps) {
  const highlights = useHighlights(body, adapter, article.content);
  // Captions and code are skipped unless asked for (one switch in the player for both).
  const [readExtras, setReadExtras] = useState(false);
  const speech = useReadAloud(body, article.content, { lang: article.lang, startParagraph: listenFrom, onParagraph: readExtras ? undefined : onListenPosition, includeCaptions: readExtras, includeCode: readExtras });
  const contentsPanel = useReaderPanel('contents');
  const highlightsPanel = useReaderPanel('highlights');
  const find = useFindInArticle(body, scroller);
  const [lightbox, setLightbox] = useState<number | null>(null);
  const [listening, setListening] = useState(false);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [footnote, setFootnote] = useState<{ note: Footnote; position: MenuPosition } | null>(null);
  const [progress, setProgress] = useState({ fraction: 0, section: null as number | null });
  const [status, setStatus] = useState('');

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const toc = useMemo(() => (body ? buildTableOfContents(body) : []), [body, article.content]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const footnotes = useMemo(() => (body ? findFootnotes(body) : []), [body, article.content]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const images = useMemo(() => (body ? articleImages(body) : []), [body, article.content]);

  // Images open in the lightbox: reachable with Tab, opened with a click, Enter or Space.
  useEffect(() => {
    for (const image of images) {
      image.element.setAttribute('tabindex', '0');
      image.element.classList.add('folio-zoomable');
    }
  }, [images]);

  // Progress and the current section follow the scroll at most once a frame, without reading the
  // layout of every heading each time: their offsets in the scrolled content are read once (and
  // again when the article is laid out anew), so a scroll costs a subtraction per heading. State
  // changes only when what is shown changes (a tenth of a percent, another section), so the tools
  // re-render a few hundred times across a whole article, not on every scroll event.
  useEffect(() => {
    if (!scroller || !body) return;
    let offsets: number[] | null = null;
    let frame = 0;
    const headingOffsets = () => {
      const top = scroller.getBoundingClientRect().top - scroller.scrollTop;
      return toc.map((entry) => body.ownerDocument.getElementById(entry.id) ?? body.querySelector(`[id="${entry.id}"]`)).map((heading) => (heading ? heading.getBoundingClientRect().top - top : Infinity));
    };
    const measure = () => {
      frame = 0;
      offsets ??= headingOffsets();
      const scrollTop = scroller.scrollTop;
      const fraction = Math.round(scrollFraction(scrollTop, scroller.scrollHeight, scroller.clientHeight) * 1000) / 1000;
      const section = currentSectionIndex(offsets.map((offset) => offset - scrollTop), READING_LINE);
      setProgress((previous) => (previous.fraction === fraction && previous.section === section ? previous : { fraction, section }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const relayout = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
      offsets = null;
      schedule();
    });
    relayout?.observe(body);
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      relayout?.disconnect();
      scroller.removeEventListener('scroll', schedule);
    };
  }, [scroller, body, toc]);

  // Selecting text opens the highlight menu; clicking a highlight opens its menu; a footnote reference
  // opens the note beside it.
  useEffect(() => {
    if (!body) return;
    const onSelectEnd = () => {
      const range = selectionRangeWithin(body);
      if (!range) return;
      const offsets = offsetsOfRange(buildTextIndex(body), range);
      if (!offsets || !buildTextIndex(body).text.slice(offsets.start, offsets.end).trim()) return;
      const rect = 'getBoundingClientRect' in range ? range.getBoundingClientRect() : body.getBoundingClientRect();
      setMenu({ kind: 'selection', ...offsets, position: positionBelow(rect) });
    };
    const openImage = (target: Element) => {
      const image = target.closest?.('img');
      const at = image ? images.findIndex((candidate) => candidate.element === image) : -1;
      if (at !== -1) setLightbox(at);
      return at !== -1;
    };
    const onClick = (event: MouseEvent) => {
      const target = event.target as Element;
      if (openImage(target)) {
        event.preventDefault();
        return;
      }
      const link = target.closest?.('a');
      const found = link && footnotes.find((candidate) => candidate.reference === link);
      if (found) {
        event.preventDefault();
        setFootnote({ note: found, position: positionBelow(link.getBoundingClientRect()) });
        return;
      }
      const mark = target.closest?.(`mark.${MARK_CLASS}`);
      const id = mark?.getAttribute(HIGHLIGHT_ID_ATTRIBUTE);
      if (mark && id && !selectionRangeWithin(body)) setMenu({ kind: 'highlight', id, position: positionBelow(mark.getBoundingClientRect()) });
    };
    const onKeyUp = (event: KeyboardEvent) => event.shiftKey && onSelectEnd();
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.key === 'Enter' || event.key === ' ') && openImage(event.target as Element)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    body.addEventListener('mouseup', onSelectEnd);
    body.addEventListener('keyup', onKeyUp);
    body.addEventListener('keydown', onKeyDown);
    body.addEventListener('click', onClick);
    return () => {
      body.removeEventListener('mouseup', onSelectEnd);
      body.removeEventListener('keyup', onKeyUp);
      body.removeEventListener('keydown', onKeyDown);
      body.removeEventListener('click', onClick);
    };
  }, [body, footnotes, images]);


  // While read-aloud is open: space plays/pauses, left/right arrows move by paragraph. Listened for on
  // the window (capture) so they work wherever focus is, inside the shadow root or not. A layout effect:
  // its cleanup runs during the unmount, so the page's own keys are never taken after the reader closed
  // (Preact, the overlay's layer, runs useEffect cleanups of an unmounted tree only after the next paint).
  useLayoutEffect(() => {
    const view = scroller?.ownerDocument.defaultView;
    if (!view || !listening) return;
    const onKey = (event: KeyboardEvent) => {
      const path = event.composedPath();
      const target = path[0] as HTMLElement | undefined;
      // The lightbox has arrow keys of its own; Enter and Space on an image open it.
      if (path.some((node) => (node as Element).classList?.contains('folio-lightbox') || (node as Element).classList?.contains('folio-zoomable'))) return;
      if (!target || /^(?:INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName) || target.isContentEditable || event.altKey || event.ctrlKey || event.metaKey) return;
      const action = { ' ': speech.toggle, ArrowRight: speech.next, ArrowLeft: speech.previous }[event.key];
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    view.addEventListener('keydown', onKey, true);
    return () => view.removeEventListener('keydown', onKey, true);
  }, [scroller, listening, speech]);

  const copy = (highlight: Pick<Highlight, 'selector' | 'note'>) => {
    const text = highlightAsQuote({ ...highlight, id: '', position: { start: 0, end: 0 }, color: 'yellow', createdAt: 0, updatedAt: 0 }, { title: article.title, url: article.url });
    void copyText(text).then(
      () => setStatus('Quote copied'),
      () => setStatus('Could not copy the quote'),
    );
  };

  const closeMenu = () => {
    setMenu(null);
    if (body) clearSelectionWithin(body);
  };

  const onColor = (color: HighlightColor) => {
    if (!menu) return;
    if (menu.kind === 'highlight') {
      highlights.update(menu.id, { color });
      return;
    }
    const created = highlights.create(menu, color);
    if (body) clearSelectionWithin(body);
    if (created) {
      setMenu({ kind: 'highlight', id: created.id, position: menu.position });
      if (!adapter.persistent) setStatus('Highlighted. This article is not saved: save it to keep its highlights.');
    }
  };

  const jumpTo = (id: string) => {
    const target = body?.querySelector<HTMLElement>(`[id="${id}"]`) ?? body?.querySelector<HTMLElement>(`mark[${HIGHLIGHT_ID_ATTRIBUTE}="${id}"]`);
    if (!target || !scroller) return;
    scroller.scrollTo({ top: scroller.scrollTop + target.getBoundingClientRect().top - scroller.getBoundingClientRect().top - READING_LINE + 16 });
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
  };

  const menuHighlight = menu?.kind === 'highlight' ? highlights.items.find((item) => item.highlight.id === menu.id)?.highlight : undefined;
  const selectionText = menu?.kind === 'selection' && body ? buildTextIndex(body).text.slice(menu.start, menu.end) : '';

  return (
    <div className="folio-reading-tools">
      <div className="folio-reading-rail" role="toolbar" aria-label="Reading tools" aria-orientation="vertical">
        {toc.length >= MIN_TOC_HEADINGS && (
          <button type="button" className="folio-button" aria-expanded={contentsPanel.open} onClick={contentsPanel.toggle}>
            Contents
          </button>
        )}
        <button type="button" className="folio-button" aria-expanded={highlightsPanel.open} onClick={highlightsPanel.toggle}>
          Highlights{highlights.items.length > 0 ? ` (${highlights.items.length})` : ''}
        </button>
        <button
          type="button"
          className="folio-button"
          aria-pressed={listening}
          onClick={() => {
            if (listening) {
              speech.stop();
              setListening(false);
            } else {
              setListening(true);
              speech.play();
            }
          }}
        >
          Listen
        </button>
        <button
          type="button"
          className="folio-button"
          aria-expanded={find.open}
          title="Find in article (Ctrl+F)"
          onClick={find.open ? find.close : find.show}
        >
          Find
        </button>
      </div>
      {find.open && <FindBar find={find} />}
      {contentsPanel.open && <TableOfContents entries={toc} current={progress.section} onJump={jumpTo} />}
      {highlightsPanel.open && (
        <HighlightsPanel items={highlights.items} persistent={adapter.persistent} onSelect={jumpTo} onDelete={highlights.remove} onCopy={copy} onSave={onRequestSave} />
      )}
      {listening && <ListenControls speech={speech} onClose={() => setListening(false)} readExtras={readExtras} onReadExtras={setReadExtras} />}
      {menu && (menu.kind === 'selection' || menuHighlight) && (
        <SelectionMenu
          key={menu.kind === 'highlight' ? menu.id : 'selection'}
          position={menu.position}
          highlight={menuHighlight}
          onColor={onColor}
          onNote={menu.kind === 'highlight' ? (note) => highlights.update(menu.id, { note }) : undefined}
          onDelete={
            menu.kind === 'highlight'
              ? () => {
                  highlights.remove(menu.id);
                  setMenu(null);
                }
              : undefined
          }
          onCopy={() => copy(menuHighlight ?? { selector: { exact: selectionText, prefix: '', suffix: '' }, note: '' })}
          onClose={closeMenu}
        />
      )}
      {footnote && (
        <FootnotePopover
          note={footnote.note.note}
          label={`Footnote ${(footnote.note.reference.textContent ?? '').trim()}`}
          position={footnote.position}
          onClose={() => {
            const reference = footnote.note.reference;
            setFootnote(null);
            reference.focus();
          }}
        />
      )}
      {!adapter.persistent && onRequestSave && highlights.items.length > 0 && !highlightsPanel.open && (
        <div className="folio-save-offer" role="status">
          Keep these highlights?{' '}
          <button type="button" className="folio-button folio-button-primary" onClick={onRequestSave}>
            Save article
          </button>
        </div>
      )}
      {highlights.error && (
        <p className="folio-reading-error" role="alert">
          {highlights.error}
        </p>
      )}
      {lightbox !== null && (
        <ImageLightbox
          images={images}
          startIndex={lightbox}
          onClose={(index) => {
            setLightbox(null);
            images[index]?.element.focus();
          }}
        />
      )}
      <ReadingProgress fraction={progress.fraction} minutesLeft={minutesLeft(article.readingMinutes, progress.fraction)} />
      <span className="folio-visually-hidden" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
