import type { HighlightMatch } from './highlight-search';

/**
 * Search results as the list shows them: articles whose highlights or notes match come first (the
 * reader's own words are the strongest signal), then the other article matches.
 */
export function searchResultIds(articles: readonly { id: string }[], highlights: readonly HighlightMatch[]): { ids: string[]; matches: Map<string, HighlightMatch[]> } {
  const matches = new Map<string, HighlightMatch[]>();
  for (const match of highlights) matches.set(match.articleId, [...(matches.get(match.articleId) ?? []), match]);
  const ids = [...matches.keys()];
  for (const { id } of articles) if (!matches.has(id)) ids.push(id);
  return { ids, matches };
}
