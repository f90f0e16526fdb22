import { useEffect, useState } from 'react';
import { OFF_PAGE_NOTICE_MS, OFF_PAGE_TIMEOUT_MS } from '@/lib/extract-service/off-page';
import { DEFAULT_READER_PREFS } from '@/lib/prefs/schema';
import { typographyStyle } from '@/lib/reader/typography';

/**
 * 50000 → "50,000" without Intl: the first toLocaleString in the reader's world loads the locale's
 * number data: 67 ms of the page's thread in a profile of the 50,000-element page (load 15).
 */
export function groupThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Why the page is read in the background, in the reader's terms: its elements, or its words for a long text. */
export function describeLongPage(elements: number, textLength: number): string {
  // About six characters a word (five letters and a space) in English prose.
  return textLength > 0 ? `about ${groupThousands(Math.round(textLength / 6 / 1000) * 1000)} words` : `${groupThousands(elements)} elements`;
}

interface ReadingLongPageProps {
  elements: number;
  textLength: number;
  /** Set when the background reader gave up: what went wrong, with a way to try again. */
  failure?: string | undefined;
  onRetry: () => void;
  onClose: () => void;
}

/** Whole seconds since the view appeared, ticking once a second (the overlay's sign of life). */
function useElapsedSeconds(): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, []);
  return seconds;
}

/**
 * What the overlay shows while a very big page is read away from the page's thread (lib/extract-
 * service/read-off-page.ts): the page stays usable behind it, and Esc or Close gives it back. Past
 * issue 6's 2 s it says plainly that it is still reading and until when it will try; when the
 * background reader gives up, it says why and offers to try again.
 */
export function ReadingLongPage({ elements, textLength, failure, onRetry, onClose }: ReadingLongPageProps) {
  return (
    <div className="folio-reader" style={typographyStyle(DEFAULT_READER_PREFS)}>
      <div className="folio-page">
        {failure ? <ReadingFailed failure={failure} onRetry={onRetry} onClose={onClose} /> : <StillReading size={describeLongPage(elements, textLength)} onClose={onClose} />}
      </div>
    </div>
  );
}

function StillReading({ size, onClose }: { size: string; onClose: () => void }) {
  const seconds = useElapsedSeconds();
  const slow = seconds * 1000 >= OFF_PAGE_NOTICE_MS;
  return (
    <section className="folio-no-article folio-reading-long-page" role="status" aria-busy="true">
      <h1 className="folio-title">{slow ? 'Still reading this long page…' : 'Reading this long page…'}</h1>
      <p>It has {size}, so Folio reads it in the background to keep the page responsive.</p>
      {slow && (
        <p className="folio-reading-slow">
          {seconds} seconds so far. Folio stops trying after {OFF_PAGE_TIMEOUT_MS / 1000} seconds; Close gives you the page back now.
        </p>
      )}
      <button type="button" className="folio-button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

function ReadingFailed({ failure, onRetry, onClose }: { failure: string; onRetry: () => void; onClose: () => void }) {
  return (
    <section className="folio-no-article folio-reading-failed" role="alert">
      <h1 className="folio-title">Folio couldn't read this page</h1>
      <p>{failure}</p>
      <p>Your page is as it was. Trying again may work when the computer is less busy.</p>
      <div className="folio-reading-actions">
        <button type="button" className="folio-button" onClick={onRetry}>
          Try again
        </button>
        <button type="button" className="folio-button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
