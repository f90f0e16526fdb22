import { useEffect, useState } from 'react';
import { libraryDb } from '@/lib/storage/db';
import { imageStorageUse, type ImageStorageUse } from '@/lib/storage/library-repo-images';

/** The space saved articles' images take, counted once when the settings page opens. */
export function useImageStorageUse(): ImageStorageUse | null {
  const [use, setUse] = useState<ImageStorageUse | null>(null);
  useEffect(() => {
    let cancelled = false;
    void imageStorageUse(libraryDb()).then((result) => {
      if (!cancelled) setUse(result.ok ? result.value : { images: 0, articles: 0, bytes: 0 });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return use;
}
