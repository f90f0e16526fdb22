import { createRoot } from 'react-dom/client';
import { libraryDb } from '@/lib/storage/db';
import { LibraryApp } from './LibraryApp';

// Loaded through start.ts, which library-first-screen.js imports once its remembered rows have been presented.
// Phase marks for the benchmark (scripts/bench-library.ts), counted from navigation.
performance.mark('folio:library-script');
// Open the database while React mounts: the first list query then finds it ready.
void libraryDb()
  .open()
  .then(() => performance.mark('folio:library-db-open'))
  .catch(() => undefined);
createRoot(document.getElementById('root')!).render(<LibraryApp />);
