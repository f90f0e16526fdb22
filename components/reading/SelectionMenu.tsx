import { useState } from 'react';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '@/lib/reading/highlights';

export interface MenuPosition {
  top: number;
  left: number;
}

interface SelectionMenuProps {
  position: MenuPosition;
  /** The highlight being edited; absent while only text is selected. */
  highlight?: Highlight | undefined;
  onColor: (color: HighlightColor) => void;
  onNote?: ((note: string) => void) | undefined;
  onDelete?: (() => void) | undefined;
  onCopy: () => void;
  onClose: () => void;
}

const COLOR_NAMES: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };

/** The little menu by a selection (highlight in a colour, copy as quote) or by a highlight (note, delete). */
export function SelectionMenu({ position, highlight, onColor, onNote, onDelete, onCopy, onClose }: SelectionMenuProps) {
  const [note, setNote] = useState(highlight?.note ?? '');
  // The note is kept on blur and on close (a click on ✕ keeps focus in the note, so no blur comes first).
  const keepNote = () => highlight && onNote && note !== highlight.note && onNote(note);
  const close = () => {
    keepNote();
    onClose();
  };
  return (
    <div
      className="folio-selection-menu"
      role="dialog"
      aria-label={highlight ? 'Highlight' : 'Highlight selection'}
      data-folio-own-escape=""
      style={{ top: position.top, left: position.left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          close();
        }
      }}
      // Keep the selection: a mousedown here would otherwise collapse it before the click.
      onMouseDown={(event) => (event.target as HTMLElement).tagName !== 'TEXTAREA' && event.preventDefault()}
    >
      <div className="folio-selection-colors" role="group" aria-label="Highlight colour">
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className="folio-color-swatch"
            data-color={color}
            aria-label={`Highlight ${COLOR_NAMES[color].toLowerCase()}`}
            aria-pressed={highlight ? highlight.color === color : undefined}
            title={COLOR_NAMES[color]}
            onClick={() => onColor(color)}
          />
        ))}
      </div>
      <button type="button" className="folio-button" onClick={onCopy}>
        Copy quote
      </button>
      {highlight && onDelete && (
        <button type="button" className="folio-button" onClick={onDelete}>
          Delete
        </button>
      )}
      <button type="button" className="folio-button" aria-label="Close highlight menu" onClick={close}>
        ✕
      </button>
      {highlight && onNote && (
        <label className="folio-note-field">
          <span>Note</span>
          <textarea value={note} rows={3} onChange={(event) => setNote(event.currentTarget.value)} onBlur={keepNote} placeholder="Add a note (optional)" />
        </label>
      )}
    </div>
  );
}
