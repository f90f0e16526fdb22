interface NoArticleProps {
  detail: string;
  canShowAnyway: boolean;
  onShowAnyway: () => void;
}

export function NoArticle({ detail, canShowAnyway, onShowAnyway }: NoArticleProps) {
  return (
    <section className="folio-no-article" role="status">
      <h1 className="folio-title">No article found on this page</h1>
      <p>{detail}</p>
      {canShowAnyway && (
        <button type="button" className="folio-button folio-button-primary" onClick={onShowAnyway}>
          Show it anyway
        </button>
      )}
    </section>
  );
}
