import type { Article } from '@/lib/extract/types';

function formatDate(iso: string, lang: string | null): string {
  try {
    return new Intl.DateTimeFormat(lang ?? undefined, { dateStyle: 'long' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
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
              onError={(event) => {
                // Many sites have no icon at the usual address; show the name alone then.
                event.currentTarget.hidden = true;
              }}
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
      {article.leadImage && <img className="folio-lead-image" src={article.leadImage} alt="" />}
    </header>
  );
}
