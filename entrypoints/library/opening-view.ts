import type { LibraryQuery } from '@/lib/storage/library-repo-query';

/** The view the library page opens on (the only one whose first screen is remembered). */
export const OPENING_VIEW: LibraryQuery = { status: 'inbox', sort: 'newest' };
