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

/**
 * What the overlay shows while a very big page is read away from the page's thread (entrypoints/
 * reader.content/read-off-page.ts): the page stays usable behind it, and Esc or Close gives it back.
 */
export function ReadingLongPage({ elements, onClose }: { elements: number; onClose: () => void }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), OFF_PAGE_NOTICE_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="folio-reader" style={typographyStyle(DEFAULT_READER_PREFS)}>
      <div className="folio-page">
        <section className="folio-no-article folio-reading-long-page" role="status" aria-busy="true">
          <h1 className="folio-title">Reading this long page…</h1>
          <p>It has {groupThousands(elements)} elements, so Folio reads it in the background to keep the page responsive.</p>
          {slow && (
            <p className="folio-reading-slow">
              This is taking more than {OFF_PAGE_NOTICE_MS / 1000} seconds. Folio stops trying after {OFF_PAGE_TIMEOUT_MS / 1000} seconds; Close gives you the page back now.
            </p>
          )}
          <button type="button" className="folio-button" onClick={onClose}>
            Close
          </button>
        </section>
      </div>
    </div>
  );
}
