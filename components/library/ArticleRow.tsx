import type { HighlightMatch } from '@/lib/library/search/highlight-search';
import type { ArticleRecord } from '@/lib/storage/schema';
import { HighlightMatches } from './HighlightMatches';
import { articleHref, ROW_TITLE_TIMING, rowActionLabels, rowMetaLine, showsProgressBar } from './format';

// Element Timing's attribute (React's types do not list it; React passes it to the DOM as written).
const titleTiming = { elementtiming: ROW_TITLE_TIMING };

export interface ArticleRowProps {
  record: ArticleRecord;
  readerUrl: string;
  /** While searching: this article's highlights and notes that matched the query. */
  highlightMatches?: readonly HighlightMatch[];
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onArchive: () => void;
  onFavourite: () => void;
  onDelete: () => void;
  onTagClick: (tag: string) => void;
  onRemoveTag: (tag: string) => void;
}

/** One article in the library list: what it is, how far it was read, and its actions. */
export function ArticleRow({ record, readerUrl, highlightMatches, selected, onSelect, onArchive, onFavourite, onDelete, onTagClick, onRemoveTag }: ArticleRowProps) {
  const labels = rowActionLabels(record);
  return (
    <div className={`folio-row${selected ? ' is-selected' : ''}`} data-id={record.id}>
      <input type="checkbox" className="folio-row-check" checked={selected} onChange={(event) => onSelect(event.target.checked)} aria-label={`Select “${record.title}”`} />
      <div className="folio-row-main">
        <a className="folio-row-title" href={articleHref(record.id, readerUrl)} target="_blank" rel="noopener" {...titleTiming}>
          {record.title}
        </a>
        <div className="folio-row-meta">
          {rowMetaLine(record)}
          {showsProgressBar(record) && (
            <span className="folio-row-progress" aria-hidden="true">
              <span style={{ width: `${record.progress.percent}%` }} />
            </span>
          )}
        </div>
        {highlightMatches && highlightMatches.length > 0 ? (
          <HighlightMatches matches={highlightMatches} articleTitle={record.title} />
        ) : (
          record.excerpt && <p className="folio-row-excerpt">{record.excerpt}</p>
        )}
        {record.tags.length > 0 && (
          <ul className="folio-tags" aria-label="Tags">
            {record.tags.map((tag) => (
              <li key={tag}>
                <button type="button" className="folio-tag" onClick={() => onTagClick(tag)} title={`Show articles tagged “${tag}”`}>
                  {tag}
                </button>
                <button type="button" className="folio-tag-remove" onClick={() => onRemoveTag(tag)} aria-label={`Remove tag “${tag}”`}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="folio-row-actions">
        <button type="button" onClick={onFavourite} aria-pressed={record.favourite === 1} aria-label={record.favourite ? 'Remove from favourites' : 'Add to favourites'} title="Favourite">
          {labels.favourite}
        </button>
        <button type="button" onClick={onArchive} title={record.archived ? 'Move back to the list' : 'Archive'}>
          {labels.archive}
        </button>
        <button type="button" onClick={onDelete} title="Delete (can be undone)">
          {labels.delete}
        </button>
      </div>
    </div>
  );
}
