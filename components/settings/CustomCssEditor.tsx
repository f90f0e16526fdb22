import { useState } from 'react';
import { CUSTOM_CSS_MAX_BYTES, checkCustomCss, type CustomCssCheck } from '@/lib/prefs/custom-css';

interface CustomCssEditorProps {
  /** The saved CSS (updates when another device changes it). */
  saved: string;
  /** The text being edited, previewed live before it is saved. */
  draft: string;
  onDraftChange: (css: string) => void;
  onSave: (css: string) => Promise<CustomCssCheck>;
}

/** Saved on request, not per keystroke: storage.sync allows 120 writes a minute, shared with sync. */
export function CustomCssEditor({ saved, draft, onDraftChange, onSave }: CustomCssEditorProps) {
  const [status, setStatus] = useState<string | null>(null);
  const check = checkCustomCss(draft);
  const bytes = new TextEncoder().encode(JSON.stringify(draft)).length;
  return (
    <div className="folio-css-editor">
      <label htmlFor="folio-custom-css">CSS applied inside the reader only (never to the page around it)</label>
      <textarea
        id="folio-custom-css"
        spellCheck={false}
        rows={8}
        value={draft}
        placeholder=".folio-body p { text-indent: 1.5em; }"
        onChange={(event) => {
          onDraftChange(event.target.value);
          setStatus(null);
        }}
      />
      <div className="folio-css-editor-bar">
        <span className={check.ok ? 'folio-muted' : 'folio-error'} role={check.ok ? undefined : 'alert'}>
          {check.ok ? `${bytes.toLocaleString('en')} of ${CUSTOM_CSS_MAX_BYTES.toLocaleString('en')} bytes` : check.message}
        </span>
        <button type="button" disabled={!check.ok || draft === saved} onClick={() => void onSave(draft).then((result) => setStatus(result.ok ? 'Saved' : result.message))}>
          Save CSS
        </button>
        <button type="button" disabled={draft === saved} onClick={() => onDraftChange(saved)}>
          Discard changes
        </button>
        {status && <span aria-live="polite">{status}</span>}
      </div>
    </div>
  );
}
