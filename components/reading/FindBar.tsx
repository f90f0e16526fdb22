import { useEffect, useRef } from 'react';
import { matchCountLabel } from '@/lib/reading/find-in-text';
import type { FindState } from './use-find-in-article';

interface FindBarProps {
  find: FindState;
  /** Called after the bar closed, to give focus back to where it was. */
  onClosed: () => void;
}

/** Folio's find bar: Enter for the next match, Shift+Enter for the previous, Esc to close. */
export function FindBar({ find, onClosed }: FindBarProps) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [find.focusRequest]);
  const close = () => {
    find.close();
    onClosed();
  };
  const total = find.matches.length;
  return (
    <div
      className="folio-find-bar"
      role="search"
      aria-label="Find in article"
      data-folio-own-escape=""
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          event.preventDefault();
          close();
        }
      }}
    >
      <input
        ref={field}
        type="search"
        className="folio-find-field"
        aria-label="Find in article"
        placeholder="Find in article"
        value={find.query}
        onChange={(event) => find.setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          if (event.shiftKey) find.previous();
          else find.next();
        }}
      />
      <span className="folio-find-count" role="status" aria-live="polite">
        {matchCountLabel(find.current, total, find.query)}
      </span>
      <button type="button" className="folio-button" aria-label="Previous match (Shift+Enter)" title="Previous match (Shift+Enter)" disabled={total === 0} onClick={find.previous}>
        ↑
      </button>
      <button type="button" className="folio-button" aria-label="Next match (Enter)" title="Next match (Enter)" disabled={total === 0} onClick={find.next}>
        ↓
      </button>
      <button type="button" className="folio-button" aria-label="Close find (Esc)" title="Close find (Esc)" onClick={close}>
        ✕
      </button>
    </div>
  );
}
