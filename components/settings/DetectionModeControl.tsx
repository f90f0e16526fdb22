import { useId, useState } from 'react';
import { isAutomatic, type DetectionMode, type DetectionModeChange } from '@/lib/permissions/detection-mode';

interface Props {
  /** null while loading. */
  mode: DetectionMode | null;
  onTurnOn(): Promise<DetectionModeChange>;
  onTurnOff(): Promise<DetectionModeChange>;
  onGiveBackAccess(): Promise<DetectionModeChange>;
}

/**
 * Click-only mode or automatic detection, with what each one costs. One button switches (it keeps focus:
 * only its text changes); a status line says the mode and any refusal. Shared by onboarding and options.
 */
export function DetectionModeControl({ mode, onTurnOn, onTurnOff, onGiveBackAccess }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const descriptionId = useId();
  const automatic = mode !== null && isAutomatic(mode);
  const run = (change: () => Promise<DetectionModeChange>) => {
    // No await before the call: the browser grants access only during the click itself.
    void change().then((result) => setMessage(result.ok ? null : result.message));
  };
  return (
    <div className="folio-detection-mode">
      <ul id={descriptionId} className="folio-detection-modes">
        <li>
          <strong>Click only</strong>: Folio reads a page only when you click its toolbar button or press Alt+Shift+R. It needs no
          access to your sites for that.
        </li>
        <li>
          <strong>Automatic detection</strong>: the toolbar icon shows ✓ on pages with an article. Folio checks each page as it
          loads, on your device, so the browser asks you to let it read all sites. Nothing leaves your browser.
        </li>
      </ul>
      <p className="folio-detection-status" role="status" aria-live="polite">
        {mode === null ? 'Checking…' : automatic ? 'Automatic detection is on.' : 'Folio is in click-only mode.'}
        {message && <span className="folio-error"> {message}</span>}
      </p>
      <button type="button" aria-describedby={descriptionId} disabled={mode === null} onClick={() => run(automatic ? onTurnOff : onTurnOn)}>
        {automatic ? 'Switch to click only' : 'Turn on automatic detection'}
      </button>
      {mode?.access && !automatic && (
        <button type="button" className="folio-detection-give-back" onClick={() => run(onGiveBackAccess)}>
          Remove access to all sites
        </button>
      )}
    </div>
  );
}
