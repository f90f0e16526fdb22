import { useRef, useState } from 'react';
import type { DetectionSignals } from '@/lib/extract/detect';
import type { ExtractDebug } from '@/lib/extract/types';
import { ExtractionDebugView } from './ExtractionDebugView';
import { useReaderPanel } from './reader-panels';
import './extraction-debug.css';

type Explained = { debug: ExtractDebug; signals?: DetectionSignals } | null;

interface ExtractionDebugControlProps {
  /**
   * Runs the extraction again with debug output; called only when the panel opens. May answer later
   * (the overlay loads the pipeline first when the page was read away from its thread).
   */
  explain: () => Promise<Explained>;
}

type Shown = Explained | 'unavailable' | 'working';

/** The toolbar's "Why does it look like this?" entry and its panel (Esc closes it, focus returns). */
export function ExtractionDebugControl({ explain }: ExtractionDebugControlProps) {
  const panel = useReaderPanel('why');
  const [shown, setShown] = useState<Shown>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    panel.close();
    toggleButton.current?.focus();
  };
  return (
    <div className="folio-debug-control">
      <button
        ref={toggleButton}
        type="button"
        className="folio-button folio-debug-toggle"
        aria-expanded={panel.open}
        aria-label="Why does it look like this?"
        title="Why does it look like this?"
        onClick={() => {
          if (!panel.open) {
            setShown('working');
            explain().then(
              (explained) => setShown(explained ?? 'unavailable'),
              () => setShown('unavailable'),
            );
          }
          panel.toggle();
        }}
      >
        ?
      </button>
      {panel.open && (
        <div
          className="folio-panel folio-debug-panel"
          role="dialog"
          aria-label="Why does it look like this?"
          data-folio-own-escape=""
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            close();
          }}
        >
          <div className="folio-debug-heading">
            <h2>Why does it look like this?</h2>
            <button type="button" className="folio-button" aria-label="Close explanation" onClick={close}>
              ✕
            </button>
          </div>
          <p className="folio-debug-intro">What Folio's extractor decided for this page, from a fresh run on the page as it is now.</p>
          {shown === 'working' ? (
            <p role="status">Reading the page again…</p>
          ) : shown === 'unavailable' || shown === null ? (
            <p>Folio could not explain this page.</p>
          ) : (
            <ExtractionDebugView debug={shown.debug} {...(shown.signals ? { signals: shown.signals } : {})} />
          )}
        </div>
      )}
    </div>
  );
}
