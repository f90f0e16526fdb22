import { cleanBody } from './clean-body';
import { includeSiblings } from './include-siblings';
import { measure, type Measured } from './measure';
import { finalScores, pickTop, TOP_CANDIDATES, type Candidate } from './pick-top';
import { scoreContainers } from './score-containers';

/**
 * Folio's body chooser (pipeline step 7), deciding once over the pruned copy:
 *   1. measure   one walk: each element's text, link text and commas, summed bottom-up (measure.ts);
 *                hidden elements, regions named as not story and the author line are passed over
 *   2. score     paragraphs give points to the containers above them (score-containers.ts)
 *   3. pick      the best container by points and prose share, moved up over a split or wrapped story
 *                (pick-top.ts)
 *   4. siblings  the blocks beside it that belong to the story (include-siblings.ts)
 *   5. assemble  what was passed over inside those blocks goes; several blocks share one wrapper
 *   6. clean     junk blocks inside the body go, judged from the innermost out (clean-body.ts)
 * When the blocks chosen hold less than `minChars` of text even with the regions named as not story
 * counted, it returns null: the caller then asks Readability (its looser retries suit such pages).
 */
export interface BodyChoice {
  body: Element;
  byline: string | null;
  dir: string | null;
  /** The best containers, best first, with their final scores (the debug view lists them). */
  candidates: Candidate[];
  /** Junk blocks removed by the cleaning step. */
  cleaned: number;
  /** True when the first measure came out short and regions named as not story were counted too. */
  keptUnlikely: boolean;
}

interface Choice {
  measured: Measured;
  ranked: Candidate[];
  scores: Map<Element, number>;
  blocks: Element[];
  chars: number;
}

function choose(root: Element, keepUnlikely: boolean): Choice {
  const measured = measure(root, { keepUnlikely });
  const ranked = finalScores(scoreContainers(root, measured), measured);
  const scores = new Map(ranked.map((c) => [c.element, c.score]));
  const top = pickTop(ranked, root, measured);
  const blocks = includeSiblings(top, root, scores, measured);
  let chars = 0;
  for (const block of blocks) chars += measured.stats.get(block)?.chars ?? 0;
  return { measured, ranked, scores, blocks, chars };
}

/** Containers scoring at least this share of the best are the story's hearts: cleaning keeps what holds them. */
const HEART_SHARE = 0.5;

/**
 * The story's hearts. A runner-up inside the best container is one of the story's parts, not a heart of
 * its own: the blocks between the two are judged like any other (a prose box the page names as a widget,
 * a fundraising letter say, goes even when its paragraphs score well).
 */
function hearts(ranked: Candidate[]): Element[] {
  const best = ranked[0];
  if (!best) return [];
  return ranked
    .slice(0, TOP_CANDIDATES)
    .filter((c) => c.score >= HEART_SHARE * best.score && (c === best || !best.element.contains(c.element)))
    .map((c) => c.element);
}

/** The `dir` the story is written in, from its container or the nearest ancestor that says. */
function directionOf(element: Element): string | null {
  return element.closest('[dir]')?.getAttribute('dir') ?? null;
}

function assemble(doc: Document, blocks: Element[], skipped: Set<Element>): Element {
  for (const element of skipped) if (blocks.some((block) => block.contains(element))) element.remove();
  if (blocks.length === 1 && blocks[0]) return blocks[0];
  const wrapper = doc.createElement('div');
  wrapper.append(...blocks);
  return wrapper;
}

export function chooseBody(doc: Document, minChars: number): BodyChoice | null {
  const root = doc.body;
  if (!root) return null;
  let choice = choose(root, false);
  const keptUnlikely = choice.chars < minChars;
  if (keptUnlikely) choice = choose(root, true);
  if (choice.chars < minChars) return null;
  const first = choice.blocks[0] ?? root;
  const dir = directionOf(first);
  const body = assemble(doc, choice.blocks, choice.measured.skipped);
  const cleaned = cleanBody(body, hearts(choice.ranked), minChars);
  return { body, byline: choice.measured.byline, dir, candidates: choice.ranked.slice(0, TOP_CANDIDATES), cleaned, keptUnlikely };
}
