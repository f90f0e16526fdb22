import { createRoot } from 'react-dom/client';
import './welcome.css';
import { WelcomeApp } from './WelcomeApp';

createRoot(document.getElementById('root')!).render(<WelcomeApp />);
