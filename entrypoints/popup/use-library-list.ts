import { useEffect, useMemo, useState } from 'react';
import { SearchService } from '@/lib/library/search/search-service';
import { libraryDb } from '@/lib/storage/db';
import { countArticles, getArticleRecords, listArticles } from '@/lib/storage/library-repo-query';
import type { ArticleRecord } from '@/lib/storage/schema';

const SHOWN = 10;

/** The popup's list: the 10 most recent saves, or the best search matches while a query is typed. */
export function useLibraryList(query: string) {
  const search = useMemo(() => new SearchService(libraryDb()), []);
  const [recent, setRecent] = useState<ArticleRecord[]>([]);
  const [results, setResults] = useState<ArticleRecord[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void listArticles(libraryDb(), { status: 'all', limit: SHOWN, withTotal: false }).then((page) => {
      if (page.ok) setRecent(page.value.items);
      else setError(page.error.message);
    });
    void countArticles(libraryDb()).then((count) => count.ok && setTotal(count.value));
    // Warm the index while the user looks at the popup, so the first keystroke answers at once.
    void search.ready();
  }, [search]);

  useEffect(() => {
    if (!query.trim()) return;
    let current = true;
    void (async () => {
      const hits = await search.search(query, SHOWN);
      if (!current) return;
      if (!hits.ok) {
        setError(hits.error.message);
        return;
      }
      const records = await getArticleRecords(libraryDb(), hits.value.map((hit) => hit.id));
      if (current && records.ok) setResults(records.value);
    })();
    return () => {
      current = false;
    };
  }, [query, search]);

  return { recent, results: query.trim() ? results : null, total, error };
}
