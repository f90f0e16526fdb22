import type { DebugCandidate } from './types';

/** What the debug view shows of an element: `tag#id.class`, short enough to read at a glance. */
export function describeElement(element: Element): string {
  const id = element.getAttribute('id');
  const classes = (element.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
  return `${element.tagName.toLowerCase()}${id ? `#${id}` : ''}${classes.map((c) => `.${c}`).join('')}`;
}

/** The first words of an element's text, for "what was removed". */
export function textSample(element: Element, max = 60): string {
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface Scored {
  readability?: { contentScore?: number };
}

const MAX_CANDIDATES = 5;

interface Weighed {
  element: Element;
  score: number;
  chosen: boolean;
}

function toDebugCandidates(weighed: Weighed[]): DebugCandidate[] {
  return weighed
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_CANDIDATES)
    .map(({ element, score, chosen }) => ({
      element: describeElement(element),
      score: Math.round(score * 10) / 10,
      textLength: (element.textContent ?? '').replace(/\s+/g, ' ').trim().length,
      sample: textSample(element),
      chosen,
    }));
}

/**
 * Folio's body chooser's best containers (score-containers.ts, pick-top.ts) with their final scores.
 * `chosen` is a container that is, or is inside, the body returned.
 */
export function chooserCandidates(candidates: ReadonlyArray<{ element: Element; score: number }>, body: Element): DebugCandidate[] {
  return toDebugCandidates(candidates.map(({ element, score }) => ({ element, score, chosen: body.contains(element) })));
}

/**
 * Readability's own candidate scores, read back from the score it leaves on each element it weighed
 * (debug mode only, when Readability chose the body: a walk over the copy). `chosen` is an
 * element now inside the body it returned.
 */
export function readabilityCandidates(copy: Document, body: Element | null): DebugCandidate[] {
  const seen: Weighed[] = [];
  const collect = (elements: Iterable<Element>, chosen: boolean) => {
    for (const element of elements) {
      const score = (element as Element & Scored).readability?.contentScore;
      if (typeof score === 'number' && score > 0) seen.push({ element, score, chosen });
    }
  };
  if (body) collect(Array.from(body.querySelectorAll('*')), true);
  collect(Array.from(copy.querySelectorAll('*')), false);
  return toDebugCandidates(seen);
}
