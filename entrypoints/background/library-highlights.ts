import { onMessage } from '@/lib/messaging';
import { validated } from '@/lib/messaging-schema';
import { libraryDb } from '@/lib/storage/db';
import { deleteHighlight, listHighlights, putHighlight } from '@/lib/storage/library-repo-highlights';

/** Highlights of saved articles for the overlay, which cannot reach the extension's IndexedDB. */
export function registerHighlightMessages(): void {
  onMessage('listHighlights', validated('listHighlights', ({ data }) => listHighlights(libraryDb(), data.articleId)));
  onMessage('putHighlight', validated('putHighlight', ({ data }) => putHighlight(libraryDb(), data)));
  onMessage('deleteHighlight', validated('deleteHighlight', ({ data }) => deleteHighlight(libraryDb(), data.id)));
}
