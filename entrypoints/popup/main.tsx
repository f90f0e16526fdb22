import { createRoot } from 'react-dom/client';
import { libraryDb } from '@/lib/storage/db';
import { PopupApp } from './PopupApp';
import './popup.css';

// Open the database while React mounts: the first list query then finds it ready.
void libraryDb().open().catch(() => undefined);
createRoot(document.getElementById('root')!).render(<PopupApp />);
