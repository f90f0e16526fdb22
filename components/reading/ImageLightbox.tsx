import { useCallback, useEffect, useId, useReducer, useRef, useState } from 'react';
import type { ArticleImage } from '@/lib/reading/article-images';
import { ZOOM, lightboxKeyAction, lightboxReducer, openLightbox, wheelAction, type LightboxAction } from '@/lib/reading/lightbox';

interface ImageLightboxProps {
  images: readonly ArticleImage[];
  startIndex: number;
  /** Closed on the image at `index` (focus goes back to that image in the article). */
  onClose: (index: number) => void;
}

const FOCUSABLE = 'button:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * The article's images one at a time, with caption: ←/→ move between them, +/−, the wheel and a double
 * click zoom, dragging pans a zoomed image, Esc closes. A modal dialog: Tab stays inside it.
 */
export function ImageLightbox({ images, startIndex, onClose }: ImageLightboxProps) {
  const [state, dispatch] = useReducer(lightboxReducer, openLightbox(startIndex, images.length));
  const dialog = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const picture = useRef<HTMLImageElement>(null);
  // Zoomed sizes are multiples of the fitted size, measured while the image is still fitted.
  const [fittedWidth, setFittedWidth] = useState(0);
  const captionId = useId();
  const image = images[state.index];
  // A linked full-size copy that fails to load (offline, hot-linking refused) gives way to the picture
  // as the article shows it now: a saved article's offline copy is a blob: URL swapped in after opening.
  const [shownInstead, setShownInstead] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('.folio-lightbox-close')?.focus();
  }, []);

  const act = useCallback((action: LightboxAction) => {
    if (stage.current?.dataset.zoomed !== 'true' && picture.current) setFittedWidth(picture.current.offsetWidth);
    dispatch(action);
  }, []);

  // The wheel zooms; React's wheel listener is passive, so this one is added by hand to stop scrolling.
  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      const action = wheelAction(event.deltaY);
      if (!action) return;
      event.preventDefault();
      act(action);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [act]);

  // Drag to pan a zoomed image (the stage scrolls).
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  if (!image) return null;
  const zoomed = state.zoom > ZOOM.min && fittedWidth > 0;
  const close = () => onClose(state.index);
  return (
    <div
      ref={dialog}
      className="folio-lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={`Image ${state.index + 1} of ${state.count}`}
      aria-describedby={image.caption ? captionId : undefined}
      data-folio-own-escape=""
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          event.preventDefault();
          close();
          return;
        }
        if (event.key === 'Tab') {
          const focusable = Array.from(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
          const root = dialog.current?.getRootNode() as Document | ShadowRoot | undefined;
          const at = focusable.indexOf(root?.activeElement as HTMLElement);
          const next = focusable[(at + (event.shiftKey ? -1 : 1) + focusable.length) % focusable.length];
          event.preventDefault();
          next?.focus();
          return;
        }
        const action = event.altKey || event.ctrlKey || event.metaKey ? null : lightboxKeyAction(event.key);
        if (!action) return;
        event.preventDefault();
        event.stopPropagation();
        act(action);
      }}
      onClick={(event) => event.target === event.currentTarget && close()}
    >
      <div
        ref={stage}
        className="folio-lightbox-stage"
        data-zoomed={zoomed ? 'true' : undefined}
        onDoubleClick={() => act({ type: 'toggle-zoom' })}
        onPointerDown={(event) => {
          if (!zoomed || !stage.current) return;
          drag.current = { x: event.clientX, y: event.clientY, left: stage.current.scrollLeft, top: stage.current.scrollTop };
        }}
        onPointerMove={(event) => {
          if (!drag.current || !stage.current) return;
          stage.current.scrollLeft = drag.current.left - (event.clientX - drag.current.x);
          stage.current.scrollTop = drag.current.top - (event.clientY - drag.current.y);
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerLeave={() => (drag.current = null)}
      >
        <img
          key={image.src}
          ref={picture}
          className="folio-lightbox-image"
          src={shownInstead.get(image.src) ?? image.src}
          onError={() => {
            const shown = image.element.currentSrc || image.element.src;
            if (shown && shown !== image.src && !shownInstead.has(image.src)) setShownInstead(new Map(shownInstead).set(image.src, shown));
          }}
          alt={image.alt}
          draggable={false}
          style={zoomed ? { width: fittedWidth * state.zoom, maxWidth: 'none', maxHeight: 'none' } : undefined}
        />
      </div>
      {image.caption && (
        <p id={captionId} className="folio-lightbox-caption">
          {image.caption}
        </p>
      )}
      <div className="folio-lightbox-controls">
        <button type="button" className="folio-button" aria-label="Previous image (←)" title="Previous image (←)" disabled={state.index === 0} onClick={() => dispatch({ type: 'previous' })}>
          ←
        </button>
        <span className="folio-lightbox-count" aria-live="polite">
          {state.index + 1} / {state.count}
        </span>
        <button type="button" className="folio-button" aria-label="Next image (→)" title="Next image (→)" disabled={state.index >= state.count - 1} onClick={() => dispatch({ type: 'next' })}>
          →
        </button>
        <button type="button" className="folio-button" aria-label="Zoom out (−)" title="Zoom out (−)" disabled={state.zoom <= ZOOM.min} onClick={() => act({ type: 'zoom-out' })}>
          −
        </button>
        <span className="folio-lightbox-zoom" aria-live="polite">
          {Math.round(state.zoom * 100)}%
        </span>
        <button type="button" className="folio-button" aria-label="Zoom in (+)" title="Zoom in (+)" disabled={state.zoom >= ZOOM.max} onClick={() => act({ type: 'zoom-in' })}>
          +
        </button>
        <button type="button" className="folio-button folio-lightbox-close" aria-label="Close image (Esc)" title="Close image (Esc)" onClick={close}>
          ✕
        </button>
      </div>
    </div>
  );
}
