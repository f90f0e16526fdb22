import { onMessage } from '@/lib/messaging';
import { libraryDb } from '@/lib/storage/db';
import { deleteHighlight, listHighlights, putHighlight } from '@/lib/storage/library-repo-highlights';

/** Highlights of saved articles for the overlay, which cannot reach the extension's IndexedDB. */
export function registerHighlightMessages(): void {
  onMessage('listHighlights', ({ data }) => listHighlights(libraryDb(), data.articleId));
  onMessage('putHighlight', ({ data }) => putHighlight(libraryDb(), data));
  onMessage('deleteHighlight', ({ data }) => deleteHighlight(libraryDb(), data.id));
}
