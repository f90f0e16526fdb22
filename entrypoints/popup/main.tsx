import { createRoot } from 'react-dom/client';
import { PopupApp } from './PopupApp';
import './popup.css';

createRoot(document.getElementById('root')!).render(<PopupApp />);
