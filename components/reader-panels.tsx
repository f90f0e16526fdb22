import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * One open panel at a time in a reader (text settings, this site's rules, contents, highlights, the
 * "why" view): opening one closes the other, so panels never stack over each other or the article's
 * controls, on a narrow window least of all.
 */
interface ReaderPanels {
  open: string | null;
  setOpen: (id: string | null) => void;
}

const ReaderPanelsContext = createContext<ReaderPanels | null>(null);

export function ReaderPanelsProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<string | null>(null);
  const value = useMemo(() => ({ open, setOpen }), [open]);
  return <ReaderPanelsContext.Provider value={value}>{children}</ReaderPanelsContext.Provider>;
}

export interface ReaderPanel {
  open: boolean;
  toggle(): void;
  close(): void;
}

/** A panel's open state; outside a reader (a component shown on its own) it keeps its own. */
export function useReaderPanel(id: string): ReaderPanel {
  const shared = useContext(ReaderPanelsContext);
  const [ownOpen, setOwnOpen] = useState<string | null>(null);
  const { open, setOpen } = shared ?? { open: ownOpen, setOpen: setOwnOpen };
  return {
    open: open === id,
    toggle: () => setOpen(open === id ? null : id),
    close: () => {
      if (open === id) setOpen(null);
    },
  };
}
