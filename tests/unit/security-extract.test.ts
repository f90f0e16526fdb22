import { describe, expect, it } from 'vitest';
import { extractArticle, type Article } from '@/lib/extract';
import { getSanitizerWindow, parseHtmlDocument } from '@/scripts/lib/node-dom';
import { ATTACKER_HOST, hostileCorpus } from '../security/corpus';
import { auditAcrossReparses } from '../security/markup-audit';

/**
 * Every hostile input through the whole extraction pipeline (linkedom page, jsdom sanitizer, as the
 * CLI runs it). Extraction must find the story, the body it returns must keep every promise of the
 * markup audit over two parse generations, and the metadata Folio shows outside the body must hold
 * no script: text fields are text, and URL fields are plain web addresses.
 */
const win = getSanitizerWindow();
const PAGE_URL = 'http://127.0.0.1/story.html';

/** Image URLs load by themselves: http(s) or a raster data: image, never on the attacker's host. */
function imageUrlProblem(value: string | null): string | null {
  if (value === null) return null;
  if (/^data:image\/(?:png|jpe?g|gif|webp|avif|bmp)[;,]/i.test(value)) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `scheme ${url.protocol}`;
    if (url.hostname === ATTACKER_HOST) return 'loads from the attacker';
    return null;
  } catch {
    return 'not a URL';
  }
}

/** The article's own address is shown as a link: it must be a web address. */
function linkUrlProblem(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : `scheme ${url.protocol}`;
  } catch {
    return 'not a URL';
  }
}

function metadataProblems(article: Article): string[] {
  const problems = [
    ['url', linkUrlProblem(article.url)],
    ['siteIcon', imageUrlProblem(article.siteIcon)],
    ['leadImage', imageUrlProblem(article.leadImage)],
  ].filter(([, problem]) => problem !== null).map(([field, problem]) => `${field}: ${problem}`);
  if (article.dir !== null && article.dir !== 'ltr' && article.dir !== 'rtl') problems.push(`dir: ${String(article.dir)}`);
  return problems;
}

describe.each([...new Set(hostileCorpus.map((c) => c.family))])('extraction of %s inputs', (family) => {
  const cases = hostileCorpus.filter((c) => c.family === family);

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, hostile) => {
    const result = extractArticle(parseHtmlDocument(hostile.html, PAGE_URL), { url: PAGE_URL, sanitizerWindow: win });
    const article = result.ok ? result.article : result.bestEffort;
    if (!article) throw new Error(`no article at all: ${result.ok ? '' : result.reason}`);

    expect(auditAcrossReparses(article.content, win), hostile.vector).toEqual([]);
    expect(article.textContent).toMatch(/\w{4,}/);
    expect(metadataProblems(article), hostile.vector).toEqual([]);
  });
});
