import { useSyncExternalStore } from 'react';
import type { ReaderPrefs } from '@/lib/storage/prefs';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia?.(DARK_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const systemIsDark = () => window.matchMedia?.(DARK_QUERY).matches ?? false;

/** The theme to paint: "system" follows the operating system's light or dark setting, live. */
export function useResolvedTheme(theme: ReaderPrefs['theme']): Exclude<ReaderPrefs['theme'], 'system'> {
  const dark = useSyncExternalStore(subscribe, systemIsDark, () => false);
  if (theme !== 'system') return theme;
  return dark ? 'dark' : 'light';
}
