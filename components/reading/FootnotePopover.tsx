import { useEffect, useRef } from 'react';
import { cloneNoteContent } from '@/lib/reading/footnotes';
import type { MenuPosition } from './SelectionMenu';

interface FootnotePopoverProps {
  note: Element;
  label: string;
  position: MenuPosition;
  onClose: () => void;
}

/** A footnote shown next to its reference; takes focus, and gives it back (via onClose) on Esc or ✕. */
export function FootnotePopover({ note, label, position, onClose }: FootnotePopoverProps) {
  const content = useRef<HTMLDivElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The note's own (sanitized) nodes, cloned: nothing is re-parsed from HTML.
    content.current?.replaceChildren(cloneNoteContent(note));
    dialog.current?.focus();
  }, [note]);
  return (
    <div
      ref={dialog}
      className="folio-footnote"
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      data-folio-own-escape=""
      style={{ top: position.top, left: position.left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div ref={content} className="folio-footnote-content" />
      <button type="button" className="folio-button folio-footnote-close" aria-label="Close footnote" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
