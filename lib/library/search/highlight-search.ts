import { tokenize } from './tokenize';

/**
 * Search over highlights and notes. A library holds a few hundred or thousand highlights, so each is
 * kept with its words in a set and a query scans them all (well under a millisecond per thousand); the
 * big body index stays untouched when someone highlights or edits a note. The same rule as the article
 * search: every word must match (in the quote or the note), the last one as a prefix while typing.
 */

export interface SearchableHighlight {
  id: string;
  articleId: string;
  /** The highlighted quote. */
  text: string;
  note: string;
  createdAt: number;
}

export interface HighlightMatch {
  highlightId: string;
  articleId: string;
  text: string;
  note: string;
  /** Where the words were found: all in the quote, all in the note, or spread over both. */
  matchedIn: 'highlight' | 'note' | 'both';
}

interface IndexedHighlight {
  highlight: SearchableHighlight;
  textTerms: Set<string>;
  noteTerms: Set<string>;
}

function termMatches(terms: Set<string>, word: string, prefix: boolean): boolean {
  if (terms.has(word)) return true;
  if (!prefix) return false;
  for (const term of terms) if (term.startsWith(word)) return true;
  return false;
}

export class HighlightSearch {
  private readonly items = new Map<string, IndexedHighlight>();

  get size(): number {
    return this.items.size;
  }

  /** Replaces the whole set (what the store holds now). */
  reset(highlights: readonly SearchableHighlight[]): void {
    this.items.clear();
    for (const highlight of highlights) this.upsert(highlight);
  }

  upsert(highlight: SearchableHighlight): void {
    this.items.set(highlight.id, { highlight, textTerms: new Set(tokenize(highlight.text)), noteTerms: new Set(tokenize(highlight.note)) });
  }

  remove(id: string): void {
    this.items.delete(id);
  }

  /** Matching highlights, newest first, at most `limit`. */
  search(query: string, limit = 50): HighlightMatch[] {
    const words = tokenize(query);
    if (words.length === 0) return [];
    const typing = !/\s$/.test(query);
    const found: { match: HighlightMatch; createdAt: number }[] = [];
    for (const { highlight, textTerms, noteTerms } of this.items.values()) {
      let inText = 0;
      let inNote = 0;
      const all = words.every((word, i) => {
        const prefix = typing && i === words.length - 1;
        const text = termMatches(textTerms, word, prefix);
        const note = termMatches(noteTerms, word, prefix);
        if (text) inText += 1;
        if (note) inNote += 1;
        return text || note;
      });
      if (!all) continue;
      const matchedIn = inText === words.length ? 'highlight' : inNote === words.length ? 'note' : 'both';
      found.push({ match: { highlightId: highlight.id, articleId: highlight.articleId, text: highlight.text, note: highlight.note, matchedIn }, createdAt: highlight.createdAt });
    }
    found.sort((a, b) => b.createdAt - a.createdAt);
    return found.slice(0, limit).map((item) => item.match);
  }
}
