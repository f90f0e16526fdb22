import { decodeCharacterReferences } from '../../character-references';

/** The parts of a page's schema.org JSON-LD that Folio reads. */
export interface JsonLdArticle {
  types: string[];
  headline: string | null;
  authors: string[];
  publisher: string | null;
  datePublished: string | null;
  description: string | null;
  image: string | null;
  articleBody: string | null;
  inLanguage: string | null;
  /** False when the page marks the story as paywalled (schema.org isAccessibleForFree). */
  accessibleForFree: boolean | null;
  /** CSS selectors of the paywalled parts (hasPart.cssSelector). */
  paywalledSelectors: string[];
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|Posting|NewsArticle|Review)$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function typesOf(node: JsonObject): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string');
}

/** Every object in the JSON-LD blocks, flattening arrays, @graph and mainEntity. */
function collectNodes(value: unknown, into: JsonObject[], depth = 0): void {
  if (depth > 6) return;
  for (const item of asArray(value)) {
    if (!isObject(item)) continue;
    into.push(item);
    collectNodes(item['@graph'], into, depth + 1);
    collectNodes(item['mainEntity'], into, depth + 1);
    collectNodes(item['mainEntityOfPage'], into, depth + 1);
  }
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return decodeCharacterReferences(value).trim() || null;
  if (typeof value === 'number') return String(value);
  if (isObject(value)) return text(value['name'] ?? value['@value']);
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

function names(value: unknown): string[] {
  return asArray(value)
    .map((entry) => text(entry))
    .filter((name): name is string => name !== null);
}

function imageUrl(value: unknown): string | null {
  const first = asArray(value)[0];
  if (typeof first === 'string') return first;
  if (isObject(first)) return text(first['url'] ?? first['contentUrl']);
  return null;
}

function paywalledSelectors(node: JsonObject): string[] {
  return asArray(node['hasPart'])
    .filter(isObject)
    .filter((part) => part['isAccessibleForFree'] === false || part['isAccessibleForFree'] === 'False' || part['isAccessibleForFree'] === 'false')
    .flatMap((part) => asArray(part['cssSelector']))
    .filter((selector): selector is string => typeof selector === 'string');
}

function accessibleForFree(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  return null;
}

function parseBlock(source: string): unknown {
  try {
    return JSON.parse(source);
  } catch {
    // Some sites leave trailing commas or HTML comments around the JSON; try once more without them.
    try {
      return JSON.parse(source.replace(/^\s*<!--|-->\s*$/g, '').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return null;
    }
  }
}

/** Reads the first article-typed JSON-LD node of the document, or null when there is none. */
export function readJsonLdArticle(doc: Document): JsonLdArticle | null {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    collectNodes(parseBlock(script.textContent ?? ''), nodes);
  }
  const article = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPE.test(type)));
  if (!article) return null;
  return {
    types: typesOf(article),
    headline: text(article['headline']) ?? text(article['name']),
    authors: names(article['author']),
    publisher: text(article['publisher']) ?? text(article['sourceOrganization']),
    datePublished: text(article['datePublished']) ?? text(article['dateCreated']),
    description: text(article['description']),
    image: imageUrl(article['image']) ?? imageUrl(article['thumbnailUrl']),
    articleBody: typeof article['articleBody'] === 'string' ? article['articleBody'] : null,
    inLanguage: text(article['inLanguage']),
    accessibleForFree: accessibleForFree(article['isAccessibleForFree']),
    paywalledSelectors: paywalledSelectors(article),
  };
}
