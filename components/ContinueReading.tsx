import { useEffect, useRef } from 'react';
import './continue-reading.css';

/** Where the "Continue" control of a multi-page story stands. */
export type ContinueStatus =
  | { kind: 'offer'; nextPage: number; host: string; justAdded?: number }
  | { kind: 'loading'; nextPage: number; host: string }
  | { kind: 'failed'; nextPage: number; host: string; detail: string }
  | { kind: 'ended'; pages: number; why: 'last-page' | 'loop' | 'limit'; nextUrl: string | null };

export interface ContinueReadingProps {
  status: ContinueStatus;
  onContinue: () => void;
}

function endMessage(status: Extract<ContinueStatus, { kind: 'ended' }>): string {
  switch (status.why) {
    case 'last-page':
      return `End of the story: all ${status.pages} pages are shown.`;
    case 'loop':
      return `Page ${status.pages} leads back to a page already shown, so Folio stopped there.`;
    case 'limit':
      return `Folio shows up to ${status.pages} pages of a story; the rest is on the site.`;
  }
}

/**
 * The end of a multi-page story's shown part: one button that loads the next page on request (never
 * by itself). The same button stays focused while it loads and when it fails ("Try again"), so
 * keyboard users keep their place; a live region says what happened.
 */
export function ContinueReading({ status, onContinue }: ContinueReadingProps) {
  const endNote = useRef<HTMLParagraphElement>(null);
  const ended = status.kind === 'ended';
  useEffect(() => {
    // The focused button went away with the last page: keep keyboard users here, not back at the top.
    const root = endNote.current?.getRootNode() as Document | ShadowRoot | undefined;
    if (ended && root && (root.activeElement === null || root.activeElement === document.body)) endNote.current?.focus({ preventScroll: true });
  }, [ended]);
  if (status.kind === 'ended') {
    return (
      <aside className="folio-continue" aria-label="More pages">
        <p role="status" ref={endNote} tabIndex={-1}>
          {status.pages > 1 && `Page ${status.pages} added above. `}
          {endMessage(status)}{' '}
          {status.nextUrl && (
            <a href={status.nextUrl} target="_blank" rel="noopener noreferrer">
              Open the next page on the site
            </a>
          )}
        </p>
      </aside>
    );
  }
  const loading = status.kind === 'loading';
  const label = loading ? `Loading page ${status.nextPage}…` : status.kind === 'failed' ? `Try again: load page ${status.nextPage}` : `Continue: load page ${status.nextPage}`;
  return (
    <aside className="folio-continue" aria-label="More pages">
      <p className="folio-continue-note">
        This story continues on another page. Folio can load it from {status.host}, as clicking the page&apos;s &ldquo;next&rdquo; link would.
      </p>
      <button type="button" className="folio-button folio-button-primary folio-continue-button" aria-disabled={loading} onClick={() => !loading && onContinue()}>
        {label}
      </button>
      <p className="folio-continue-status" role="status">
        {loading ? `Loading page ${status.nextPage}…` : status.kind === 'offer' && status.justAdded ? `Page ${status.justAdded} added above.` : ''}
      </p>
      <p className="folio-continue-status folio-continue-error" role="alert">
        {status.kind === 'failed' ? `Page ${status.nextPage} could not be loaded: ${status.detail}` : ''}
      </p>
    </aside>
  );
}
