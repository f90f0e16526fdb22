import type { Highlight } from '@/lib/reading/highlights';

interface HighlightsPanelProps {
  items: Array<{ highlight: Highlight; found: boolean }>;
  persistent: boolean;
  onSelect: (id: string) => void;
  onDelete: (id: string) => void;
  onCopy: (highlight: Highlight) => void;
  onSave?: (() => void) | undefined;
}

/** The side panel listing an article's highlights and notes in reading order. */
export function HighlightsPanel({ items, persistent, onSelect, onDelete, onCopy, onSave }: HighlightsPanelProps) {
  return (
    <aside className="folio-side-panel folio-highlights-panel" aria-label="Highlights">
      <h2 className="folio-panel-title">Highlights</h2>
      {!persistent && items.length > 0 && (
        <p className="folio-panel-notice" role="status">
          This article is not saved: its highlights go when the reader closes.{' '}
          {onSave && (
            <button type="button" className="folio-button folio-button-primary" onClick={onSave}>
              Save article
            </button>
          )}
        </p>
      )}
      {items.length === 0 ? (
        <p className="folio-panel-empty">Select text to highlight it.</p>
      ) : (
        <ol className="folio-highlight-list">
          {items.map(({ highlight, found }) => (
            <li key={highlight.id} data-color={highlight.color}>
              <blockquote>{highlight.selector.exact}</blockquote>
              {highlight.note && <p className="folio-highlight-note">{highlight.note}</p>}
              {!found && <p className="folio-panel-notice">Not found in this version of the article.</p>}
              <div className="folio-highlight-actions">
                {found && (
                  <button type="button" className="folio-button" onClick={() => onSelect(highlight.id)}>
                    Show
                  </button>
                )}
                <button type="button" className="folio-button" onClick={() => onCopy(highlight)}>
                  Copy
                </button>
                <button type="button" className="folio-button" onClick={() => onDelete(highlight.id)} aria-label={`Delete highlight “${highlight.selector.exact.slice(0, 40)}”`}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
