import type { ArticleRecord } from '@/lib/storage/schema';
import { articleHref, formatMinutes } from './format';

interface ArticleListItemProps {
  record: ArticleRecord;
  /** The offline reader page's URL (article.html). */
  readerUrl: string;
}

/** One saved article in the popup's short lists: a link that opens it in the offline reader. */
export function ArticleListItem({ record, readerUrl }: ArticleListItemProps) {
  const details = [record.siteName, formatMinutes(record.readingMinutes), record.read ? 'read' : record.progress.percent > 0 ? `${Math.round(record.progress.percent)}%` : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <li className="folio-item">
      <a href={articleHref(record.id, readerUrl)} target="_blank" rel="noopener" className="folio-item-link">
        <span className="folio-item-title">{record.title}</span>
        <span className="folio-item-details">{details}</span>
      </a>
    </li>
  );
}
