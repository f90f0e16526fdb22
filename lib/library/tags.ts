/** Tags are compared and stored lower-cased and trimmed, with inner whitespace collapsed. */
export function normalizeTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, 100);
}

/** Normalised, without empties and duplicates, in first-seen order. */
export function normalizeTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normalizeTag).filter((tag) => tag.length > 0))];
}

/** Autocomplete: tags starting with what was typed first, then tags containing it, each alphabetical. */
export function suggestTags(known: readonly string[], typed: string, limit = 8): string[] {
  const needle = normalizeTag(typed);
  if (!needle) return [...known].sort().slice(0, limit);
  const starts = known.filter((tag) => tag.startsWith(needle)).sort();
  const contains = known.filter((tag) => !tag.startsWith(needle) && tag.includes(needle)).sort();
  return [...starts, ...contains].slice(0, limit);
}
