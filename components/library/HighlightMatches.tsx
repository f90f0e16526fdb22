import type { HighlightMatch } from '@/lib/library/search/highlight-search';

const SHOWN = 2;
const MAX_CHARS = 180;

const clip = (text: string) => (text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text);

/** Under a search result: the reader's highlights and notes in that article that matched the query. */
export function HighlightMatches({ matches, articleTitle }: { matches: readonly HighlightMatch[]; articleTitle: string }) {
  const more = matches.length - SHOWN;
  return (
    <ul className="folio-row-highlights" aria-label={`Matching highlights in “${articleTitle}”`}>
      {matches.slice(0, SHOWN).map((match) => (
        <li key={match.highlightId} className="folio-row-highlight" data-matched-in={match.matchedIn}>
          <q>{clip(match.text)}</q>
          {match.note && (
            <span className="folio-row-note">
              {' '}
              <span className="folio-row-note-label">Note:</span> {clip(match.note)}
            </span>
          )}
        </li>
      ))}
      {more > 0 && <li className="folio-row-highlight-more">and {more} more matching highlight{more === 1 ? '' : 's'}</li>}
    </ul>
  );
}
