import { DEFAULT_READER_PREFS } from '@/lib/prefs/schema';
import { typographyStyle } from '@/lib/reader/typography';

/**
 * What the overlay shows while a very big page is read away from the page's thread (entrypoints/
 * reader.content/read-off-page.ts): the page stays usable behind it, and Esc or Close gives it back.
 */
export function ReadingLongPage({ elements, onClose }: { elements: number; onClose: () => void }) {
  return (
    <div className="folio-reader" style={typographyStyle(DEFAULT_READER_PREFS)}>
      <div className="folio-page">
        <section className="folio-no-article folio-reading-long-page" role="status" aria-busy="true">
          <h1 className="folio-title">Reading this long page…</h1>
          <p>It has {elements.toLocaleString()} elements, so Folio reads it in the background to keep the page responsive.</p>
          <button type="button" className="folio-button" onClick={onClose}>
            Close
          </button>
        </section>
      </div>
    </div>
  );
}
