import { useState } from 'react';

interface SettingsTransferProps {
  onExport: () => void;
  /** Resolves to null when imported, else the reason nothing changed. */
  onImport: (text: string) => Promise<string | null>;
}

/** Export every preference as a JSON file; import one back (validated first; a bad file changes nothing). */
export function SettingsTransfer({ onExport, onImport }: SettingsTransferProps) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="folio-transfer">
      <button type="button" onClick={onExport}>
        Export settings…
      </button>
      <label className="folio-file-button">
        Import settings…
        <input
          type="file"
          accept="application/json,.json"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            const problem = await onImport(await file.text());
            setMessage(problem ? { ok: false, text: problem } : { ok: true, text: `Imported settings from ${file.name}.` });
          }}
        />
      </label>
      {message && (
        <p className={message.ok ? 'folio-ok' : 'folio-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
