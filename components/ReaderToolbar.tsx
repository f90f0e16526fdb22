import type { ReactNode } from 'react';
import type { ReaderPrefs } from '@/lib/storage/prefs';
import { useReaderPanel } from './reader-panels';
import { TypographyPanel } from './TypographyPanel';

export type SaveState = 'unavailable' | 'idle' | 'saving' | 'saved' | 'error';

interface ReaderToolbarProps {
  prefs: ReaderPrefs;
  onPrefsChange: (change: Partial<ReaderPrefs>) => void;
  onClose: () => void;
  saveState: SaveState;
  onSave?: (() => void) | undefined;
  onOpenLibrary?: (() => void) | undefined;
  /** Extra controls other features add (kept out of this component's concerns). */
  children?: ReactNode;
}

const SAVE_LABELS: Record<SaveState, string> = {
  unavailable: 'Save',
  idle: 'Save',
  saving: 'Saving…',
  saved: 'Saved ✓',
  error: 'Save failed — retry',
};

export function ReaderToolbar({ prefs, onPrefsChange, onClose, saveState, onSave, onOpenLibrary, children }: ReaderToolbarProps) {
  const typography = useReaderPanel('text-settings');
  return (
    <div className="folio-toolbar" role="toolbar" aria-label="Reader">
      <button type="button" className="folio-button folio-close" onClick={onClose} aria-label="Close reader (Esc)" title="Close reader (Esc)">
        ✕
      </button>
      <div className="folio-toolbar-spacer" />
      {children}
      <button
        type="button"
        className="folio-button folio-save"
        onClick={onSave}
        disabled={!onSave || saveState === 'unavailable' || saveState === 'saving' || saveState === 'saved'}
        aria-live="polite"
      >
        {SAVE_LABELS[saveState]}
      </button>
      {onOpenLibrary && (
        <button type="button" className="folio-button folio-library" onClick={onOpenLibrary} title="Open the Folio library">
          Library
        </button>
      )}
      <button
        type="button"
        className="folio-button folio-typography-toggle"
        aria-expanded={typography.open}
        aria-label="Text settings"
        title="Text settings"
        onClick={typography.toggle}
      >
        Aa
      </button>
      {typography.open && <TypographyPanel prefs={prefs} onChange={onPrefsChange} />}
    </div>
  );
}
