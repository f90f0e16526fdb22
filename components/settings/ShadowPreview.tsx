import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface ShadowPreviewProps {
  /** Stylesheets for inside the preview, in order (the reader's, then the user's custom CSS). */
  styles: string[];
  children: ReactNode;
}

/**
 * Renders its children in a shadow root, as the overlay does, so custom CSS previews exactly as it will
 * apply in the reader and cannot restyle the settings page around it.
 */
export function ShadowPreview({ styles, children }: ShadowPreviewProps) {
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  const attach = (host: HTMLDivElement | null) => {
    if (host && !root) setRoot(host.shadowRoot ?? host.attachShadow({ mode: 'open' }));
  };
  return (
    <div ref={attach} className="folio-preview-host">
      {root &&
        createPortal(
          <>
            {styles.map((css, index) => (
              <style key={index}>{css}</style>
            ))}
            {children}
          </>,
          root,
        )}
    </div>
  );
}
