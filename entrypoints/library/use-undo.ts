import { useCallback, useEffect, useRef, useState } from 'react';

export interface UndoNotice {
  message: string;
  undo: (() => Promise<void>) | null;
}

const SHOW_MS = 10_000;

/** The notice after an action ("Deleted 3 articles · Undo"), gone after 10 s or the next action. */
export function useUndoNotice() {
  const [notice, setNotice] = useState<UndoNotice | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const show = useCallback((message: string, undo: (() => Promise<void>) | null = null) => {
    clearTimeout(timer.current);
    setNotice({ message, undo });
    timer.current = setTimeout(() => setNotice(null), SHOW_MS);
  }, []);
  const dismiss = useCallback(() => {
    clearTimeout(timer.current);
    setNotice(null);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { notice, show, dismiss };
}
