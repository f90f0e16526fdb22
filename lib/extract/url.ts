/** Resolves `value` against `base`; returns it unchanged when it cannot be resolved. */
export function absoluteUrl(value: string | null | undefined, base: string | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  try {
    return new URL(trimmed, base ?? undefined).href;
  } catch {
    return trimmed;
  }
}

/** The document's own address when it has a real one (not about:blank in Node or a clone). */
export function documentUrl(doc: Document): string | null {
  const candidates = [doc.baseURI, doc.documentURI, doc.URL];
  return candidates.find((url) => typeof url === 'string' && /^(?:https?|file):/i.test(url)) ?? null;
}
