import { useEffect, useState } from 'react';
import { closeOnVersionChange } from '@/lib/storage/connection';
import { libraryDb } from '@/lib/storage/db';

/**
 * The sentence to show once another context (a newer Folio after an update) upgrades the library:
 * this page closes its connection so the upgrade is not blocked, and the person reloads.
 */
export function useLibraryClosed(): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => closeOnVersionChange(libraryDb(), setNotice), []);
  return notice;
}
