import { createRoot } from 'react-dom/client';
import '@/components/reader.css';
import './article.css';
import { ArticlePage } from './ArticlePage';

const id = new URLSearchParams(location.search).get('id') ?? '';
createRoot(document.getElementById('root')!).render(<ArticlePage id={id} />);
