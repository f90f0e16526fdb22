import type { SyntheticEvent } from 'react';
import type { Article } from '@/lib/extract/types';

function formatDate(iso: string, lang: string | null): string {
  try {
    return new Intl.DateTimeFormat(lang ?? undefined, { dateStyle: 'long' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

function hideBrokenImage(event: SyntheticEvent<HTMLImageElement>): void {
  event.currentTarget.hidden = true;
}

export function ArticleHeader({ article }: { article: Article }) {
  return (
    <header className="folio-article-header">
      {article.siteName && (
        <p className="folio-site">
          {article.siteIcon && (
            <img
              className="folio-site-icon"
              src={article.siteIcon}
              alt=""
              width={16}
              height={16}
              // Many sites have no icon at the usual address; show the name alone then.
              onError={hideBrokenImage}
            />
          )}
          <span>{article.siteName}</span>
        </p>
      )}
      <h1 className="folio-title">{article.title}</h1>
      <p className="folio-meta">
        {article.byline && <span className="folio-byline">{article.byline}</span>}
        {article.publishedTime && (
          <time className="folio-date" dateTime={article.publishedTime}>
            {formatDate(article.publishedTime, article.lang)}
          </time>
        )}
        <span className="folio-reading-time">{article.readingMinutes} min read</span>
      </p>
      {article.leadImage && (
        // Offline, or when the site refuses hot-linking, a broken lead image would leave an empty band
        // (its bottom margin) between the header and the first paragraph.
        <img className="folio-lead-image" src={article.leadImage} alt="" onError={hideBrokenImage} />
      )}
    </header>
  );
}
