import { useEffect, useState } from 'react';

/**
 * A stored value kept current: loaded once, then replaced on every change (this tab, another tab,
 * another device). The caller passes the storage functions, so components stay free of browser APIs.
 */
export function useLiveValue<T>(initial: T, load: () => Promise<T>, watch: (callback: (value: T) => void) => () => void): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let active = true;
    // A change seen by the watcher is newer than the first load; never let the load overwrite it.
    let changed = false;
    void load().then((loaded) => active && !changed && setValue(loaded));
    const unwatch = watch((next) => {
      changed = true;
      if (active) setValue(next);
    });
    return () => {
      active = false;
      unwatch();
    };
  }, [load, watch]);
  return [value, setValue];
}
