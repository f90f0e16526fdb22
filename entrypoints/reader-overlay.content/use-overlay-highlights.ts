import { useEffect, useState } from 'react';
import type { SaveState } from '@/components/ReaderToolbar';
import type { ExtractResult } from '@/lib/extract/types';
import { articleKey } from '@/lib/library/url-normalize';
import { createMemoryHighlightAdapter, type HighlightAdapter } from '@/lib/reading/highlights';
import { createLibraryHighlightAdapter, type HighlightStore } from '@/lib/reading/library-highlights';
import { sendMessage } from '@/lib/messaging';

const failed = (caught: unknown) => ({ ok: false as const, error: { message: `Folio could not reach its library: ${String(caught)}` } });

/** The library's highlights store, reached through the background (content scripts cannot open it). */
const messageStore: HighlightStore = {
  list: (articleId) => sendMessage('listHighlights', { articleId }).catch(failed),
  put: (record) => sendMessage('putHighlight', record).catch(failed),
  remove: (id) => sendMessage('deleteHighlight', { id }).catch(failed),
};

/**
 * Where the overlay keeps highlights: in memory while the article is not saved; in the library once it
 * is (highlights made before saving are moved there, so saving keeps them).
 */
export function useOverlayHighlights(result: ExtractResult, saveState: SaveState): HighlightAdapter {
  const [memory] = useState(() => createMemoryHighlightAdapter());
  const [library, setLibrary] = useState<HighlightAdapter | null>(null);
  const article = result.ok ? result.article : result.bestEffort;
  const key = article ? articleKey(location.href, article.url) : null;
  const articleId = key?.ok ? key.url : null;

  useEffect(() => {
    if (saveState !== 'saved' || !articleId) return;
    let active = true;
    const adapter = createLibraryHighlightAdapter(articleId, messageStore);
    void memory.list().then(async (pending) => {
      for (const highlight of pending) await adapter.put(highlight);
      if (active) setLibrary(adapter);
    });
    return () => {
      active = false;
    };
  }, [saveState, articleId, memory]);

  return saveState === 'saved' && library ? library : memory;
}
