import { Readability } from '@mozilla/readability';
import { sanitizeElementContent } from '../sanitize';
import { decisionFor } from './decide';
import { chooserCandidates, readabilityCandidates, describeElement, textSample } from './debug-describe';
import { detectArticle } from './detect';
import { readMetadata, type PageMetadata } from './metadata';
import { articleBodyText, buildStructuredBody, isTruncated, structuredParagraphs } from './paywall/structured-body';
import { leadingMedia } from './paywall/leading-media';
import { RULES } from './rules/registry';
import type { ExtractRule, RuleContext } from './rules/types';
import { ElementMeasures } from './rules/element-measures';
import { blockText, measureText, readingMinutes, wordCount } from './text';
import type { Article, ExtractDebug, ExtractFailureReason, ExtractOptions, ExtractResult } from './types';
import { documentUrl } from './url';
import { findNextPageUrl } from './next-page';
import { privateCopy, stripInPlace } from './private-copy';
import { narrowToStoryRegion, removeFormControls, removeNeverStory, removeNeverStoryRegions } from './prune-for-scoring';
import { DEFAULT_MAX_ELEMENTS } from './limits';
import { chooseBody } from './score/choose-body';

/*
 * The extraction pipeline, top to bottom:
 *   1. guard      refuse documents too large to read (`too-large`)
 *   2. metadata   JSON-LD, then OpenGraph, then meta tags, read from the untouched document; when asked
 *                 (`findNextPage`, the overlay), the story's own next page on the same origin too
 *                 (next-page.ts: multi-page stories), returned for an article only
 *   3. copy       a private copy without links, SVG and comments (private-copy.ts): the caller's document
 *                 is never changed; a caller that owns a throwaway document (`ownsDocument`) has those
 *                 removed from it in place instead; then the regions that are never story and that the
 *                 detector never counts (navigation, footers, templates) go before anything walks the copy
 *   4. reveal     rules on the whole copy (rules/registry.ts: named elements defused, hidden story
 *                 revealed), then the detector's verdict on it
 *   5. prune      asides, scripts and styles go, and the page's one marked story region, when it holds
 *                 nearly all paragraphs, becomes the whole body (prune-for-scoring.ts): the rules and the
 *                 chooser after it then walk far fewer elements
 *   6. prepare    rules on what is left (cookie notices and sign-up walls out, lazy images resolved,
 *                 embeds turned into links, drawn math back to MathML), then the form controls go (the
 *                 cookie and sign-up rules read their buttons)
 *   7. choose     Folio's own chooser decides once on the pruned copy (score/choose-body.ts), and
 *                 Mozilla Readability chooses only when the body it finds is shorter than MIN_BODY_CHARS;
 *                 or, when asked (`bodyChooser: 'readability'`), Readability alone
 *   8. structured  when the DOM body is cut short, the page's own JSON-LD articleBody replaces it
 *   9. clean      rules on the chosen body (related lists, repeated header lines, absolute URLs, template
 *                 whitespace between blocks)
 *  10. sanitize   the one DOMPurify configuration (lib/sanitize), on the chosen body as nodes: what
 *                 the body measures is read first
 *  11. decide     article, or not-article/empty with a best-effort result for "show it anyway" (decide.ts:
 *                 the in-page detector's verdict, else article JSON-LD, else og:type article with a prose body)
 * A rule that throws is skipped and noted in the debug output; extraction never throws to its caller.
 */

/** Debug output names at most this many elements per rule (a rule may remove hundreds). */
const MAX_RECORDS_PER_RULE = 20;
const MIN_ARTICLE_WORDS = 50;
/** A chosen body shorter than this is not trusted: Readability, with its looser retries, chooses instead. */
const MIN_BODY_CHARS = 500;

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

class Trace {
  readonly debug: ExtractDebug | undefined;
  private last = now();
  constructor(enabled: boolean) {
    this.debug = enabled ? { entries: [], timingsMs: {} } : undefined;
  }
  note(step: string, message: string, rule?: string): void {
    this.debug?.entries.push({ step, message, ...(rule ? { rule } : {}) });
  }
  /** A rule's recorder for one element it removes or changes; undefined when not debugging (no cost). */
  recorder(step: string, rule: string): RuleContext['record'] {
    const debug = this.debug;
    if (!debug) return undefined;
    let count = 0;
    return (element, action) => {
      if (++count > MAX_RECORDS_PER_RULE) return;
      const described = describeElement(element);
      const sample = textSample(element);
      debug.entries.push({ step, rule, message: `${action} ${described}${sample ? ` "${sample}"` : ''}`, element: described, sample });
    };
  }
  lap(step: string): void {
    if (!this.debug) return;
    const time = now();
    this.debug.timingsMs[step] = Math.round((time - this.last) * 100) / 100;
    this.last = time;
  }
}

function runRules(phase: ExtractRule['phase'], context: RuleContext, trace: Trace): void {
  for (const rule of RULES) {
    if (rule.phase !== phase) continue;
    try {
      const record = trace.recorder(phase, rule.name);
      const removalsBefore = context.measures?.removals ?? 0;
      const changed = rule.apply(record ? { ...context, record } : context);
      if (changed > 0) {
        trace.note(phase, `${changed} element(s) changed`, rule.name);
        // Removals made through the measures kept them true; any other change leaves nothing known.
        if (context.measures && context.measures.removals - removalsBefore !== changed) context.measures.forget();
      }
    } catch (error) {
      trace.note(phase, `rule failed and was skipped: ${String(error)}`, rule.name);
      context.measures?.forget();
    }
    trace.lap(`${phase}:${rule.name}`);
  }
}

/** Replaces a cut-short body with the page's own structured articleBody (step 8). */
function recoverStructuredBody(copy: Document, body: Element, metadata: PageMetadata, trace: Trace): Element {
  const raw = metadata.jsonLd?.articleBody ?? null;
  const structured = raw ? articleBodyText(raw) : null;
  if (!structured || !isTruncated(blockText(body), structured)) return body;
  const domParagraphs = Array.from(body.querySelectorAll('p')).map((p) => p.textContent ?? '');
  const paragraphs = structuredParagraphs(structured, domParagraphs);
  trace.note('structured', `DOM body truncated; rebuilt from JSON-LD articleBody (${paragraphs.length} paragraphs)`);
  return buildStructuredBody(copy, paragraphs, leadingMedia(body));
}

interface FoundBody {
  body: Element | null;
  byline: string | null;
  title: string | null;
  dir: string | null;
}

function readabilityBody(copy: Document, trace: Trace): FoundBody {
  const parsed = new Readability(copy, { charThreshold: MIN_BODY_CHARS, keepClasses: true, serializer: (node: Node) => node }).parse();
  const body = (parsed?.content as Element | null | undefined) ?? null;
  // Readability's wrapper id means nothing to a reader and would only be prefixed by the sanitizer.
  if (body?.getAttribute('id')?.startsWith('readability-page')) body.removeAttribute('id');
  trace.note('readability', body ? `chose a body of ${parsed?.length ?? 0} characters` : 'found no body');
  if (trace.debug) trace.debug.candidates = readabilityCandidates(copy, body);
  return { body, byline: parsed?.byline ?? null, title: parsed?.title ?? null, dir: parsed?.dir ?? null };
}

/** Step 7: Folio's chooser with Readability when it finds too little (see MIN_BODY_CHARS), or Readability alone. */
function findBody(copy: Document, chooser: ExtractOptions['bodyChooser'], trace: Trace): FoundBody {
  if (chooser === 'readability') return readabilityBody(copy, trace);
  const choice = chooseBody(copy, MIN_BODY_CHARS);
  if (!choice) {
    trace.note('choose', `no body of ${MIN_BODY_CHARS} characters found; Readability chooses instead`);
    return readabilityBody(copy, trace);
  }
  trace.note('choose', `chose ${describeElement(choice.body)}${choice.keptUnlikely ? ' (regions named as not story counted too)' : ''}; ${choice.cleaned} junk block(s) removed inside it`);
  if (trace.debug) trace.debug.candidates = chooserCandidates(choice.candidates, choice.body);
  return { body: choice.body, byline: choice.byline, title: null, dir: choice.dir };
}

function emptyBody(copy: Document): Element {
  return copy.createElement('div');
}

function buildArticle(body: Element, metadata: PageMetadata, found: { byline: string | null; title: string | null; dir: string | null }, baseUrl: string | null, options: ExtractOptions, doc: Document): Article {
  const textContent = blockText(body);
  const size = measureText(textContent);
  const hasImage = body.querySelector('img') !== null;
  // Last: the sanitizer takes the body's nodes (see sanitizeElementContent).
  const sanitizerWindow = options.sanitizerWindow ?? doc.defaultView ?? globalThis.window;
  const content = sanitizeElementContent(body, sanitizerWindow);
  const dir = found.dir === 'rtl' || found.dir === 'ltr' ? found.dir : doc.documentElement?.getAttribute('dir') === 'rtl' ? 'rtl' : null;
  return {
    url: metadata.canonicalUrl ?? baseUrl,
    title: metadata.title ?? found.title ?? '',
    byline: metadata.byline ?? found.byline?.replace(/^by\s+/i, '').trim() ?? null,
    siteName: metadata.siteName,
    siteIcon: metadata.siteIcon,
    publishedTime: metadata.publishedTime,
    lang: metadata.lang,
    dir,
    excerpt: metadata.excerpt,
    leadImage: hasImage ? null : metadata.image,
    content,
    textContent,
    wordCount: wordCount(size),
    readingMinutes: readingMinutes(size),
  };
}

function fail(reason: ExtractFailureReason, detail: string, trace: Trace, bestEffort?: Article): ExtractResult {
  return { ok: false, reason, detail, ...(bestEffort ? { bestEffort } : {}), ...(trace.debug ? { debug: trace.debug } : {}) };
}

export function runPipeline(doc: Document, options: ExtractOptions): ExtractResult {
  const trace = new Trace(options.debug ?? false);
  try {
    const elements = doc.querySelectorAll('*').length;
    const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
    if (elements > maxElements) return fail('too-large', `The page has ${elements} elements; Folio reads pages of up to ${maxElements}.`, trace);
    trace.lap('guard');

    const baseUrl = options.url ?? documentUrl(doc);
    const metadata = readMetadata(doc, baseUrl);
    trace.note('metadata', `title "${metadata.title ?? ''}", site "${metadata.siteName ?? ''}"`);
    // Read from the untouched document: the copy has no <link rel="next">.
    const nextPageUrl = options.findNextPage ? findNextPageUrl(doc, baseUrl, options.pageNumber) : null;
    trace.lap('metadata');

    const copy = options.ownsDocument ? stripInPlace(doc) : privateCopy(doc);
    const root = copy.documentElement ?? copy.body;
    if (!root) return fail('empty', 'The document has no elements.', trace);
    const regions = removeNeverStoryRegions(copy);
    trace.note('copy', `${regions} page region(s) that are never story removed (navigation, footers, templates)`);
    trace.lap('copy');
    runRules('reveal', { doc: copy, root, baseUrl, metadata }, trace);
    // Judged after the reveal rules, so a story the page hid still counts as one.
    const detection = detectArticle(copy, baseUrl ?? '');
    trace.note('detect', `score ${detection.score.toFixed(1)} (${JSON.stringify(detection.signals)})`);
    trace.lap('detect');
    const removed = removeNeverStory(copy);
    const region = narrowToStoryRegion(copy);
    trace.note('prune', `${removed} element(s) that are never story removed${region ? `; scoring only the page's story region ${describeElement(region)}` : ''}`);
    trace.lap('prune');
    runRules('prepare', { doc: copy, root, baseUrl, metadata }, trace);
    trace.note('prune', `${removeFormControls(copy)} form control(s) removed`);

    const found = findBody(copy, options.bodyChooser, trace);
    trace.lap('choose');
    if (trace.debug?.candidates) {
      for (const candidate of trace.debug.candidates) {
        trace.note('candidates', `${candidate.chosen ? 'chosen' : 'passed over'} ${candidate.element} score ${candidate.score}, ${candidate.textLength} chars "${candidate.sample}"`);
      }
      trace.lap('debug');
    }
    const body = recoverStructuredBody(copy, found.body ?? emptyBody(copy), metadata, trace);
    trace.lap('structured');
    // One set of measurements for the clean rules, kept while none of them changes the body.
    runRules('clean', { doc: copy, root: body, baseUrl, metadata, measures: new ElementMeasures() }, trace);

    const decide = decisionFor(detection, metadata, body);
    const article = buildArticle(body, metadata, found, baseUrl, options, doc);
    trace.lap('sanitize');
    if (article.wordCount < MIN_ARTICLE_WORDS) {
      return fail('empty', `Only ${article.wordCount} words of text were found.`, trace, article.wordCount > 0 ? article : undefined);
    }
    const decision = decide(article.textContent.length);
    trace.note('decide', `${decision.isArticle ? 'article' : 'not an article'}: ${decision.because}`);
    if (trace.debug) trace.debug.decision = decision;
    trace.lap('decide');
    if (!decision.isArticle) {
      return fail('not-article', `This page looks like a list or an app, not a story (score ${detection.score.toFixed(1)}).`, trace, article);
    }
    return { ok: true, article, ...(nextPageUrl ? { nextPageUrl } : {}), ...(trace.debug ? { debug: trace.debug } : {}) };
  } catch (error) {
    return fail('error', error instanceof Error ? error.message : String(error), trace);
  }
}
