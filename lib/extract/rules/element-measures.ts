import { holdsKeptContent, lineText, standsAlone, textLengthUpTo, type Measures } from './dom-helpers';

/**
 * Every length is read up to this many characters, whatever the asking rule's own limit: the line rules
 * ask up to 60–400, and a length read only to the first rule's limit would be read again for each larger one.
 */
const MEASURED_UP_TO = 400;

/**
 * What the line rules measure about the body's elements — text length, text as one line, media or code
 * inside, standing alone — kept from one rule to the next. Each clean rule walks the whole body and
 * measures every short block again otherwise; with this, the first rule reads a block's text and the
 * others find it here. Only valid while the body stays as it was: the pipeline makes one for the clean
 * phase and forgets everything after a rule that changed the body (every rule counts what it changes)
 * or failed part-way, unless every change the rule counted was a removal made through `remove` below,
 * which forgets only what that removal can change. A rule uses it only while it looks; it removes what it
 * found after.
 */
export class ElementMeasures implements Measures {
  private readonly exactLengths = new Map<Element, number>();
  /** For an element longer than a limit it was measured against: the largest such limit. */
  private readonly longerThan = new Map<Element, number>();
  private readonly lines = new Map<Element, string>();
  private readonly keptContent = new Map<Element, boolean>();
  private readonly alone = new Map<Element, boolean>();

  /** As textLengthUpTo: the exact length when at most `limit`, else some number above `limit`. */
  lengthUpTo(element: Element, limit: number): number {
    const exact = this.exactLengths.get(element);
    if (exact !== undefined) return exact;
    const longer = this.longerThan.get(element);
    if (longer !== undefined && longer >= limit) return longer + 1;
    const measuredUpTo = Math.max(limit, MEASURED_UP_TO);
    const length = textLengthUpTo(element, measuredUpTo);
    if (length <= measuredUpTo) this.exactLengths.set(element, length);
    else this.longerThan.set(element, measuredUpTo);
    return length;
  }

  lineText(element: Element): string {
    return remembered(this.lines, element, lineText);
  }

  holdsKeptContent(element: Element): boolean {
    return remembered(this.keptContent, element, holdsKeptContent);
  }

  standsAlone(element: Element): boolean {
    return remembered(this.alone, element, standsAlone);
  }

  /** Removals made through `remove`, so the pipeline can tell whether a rule changed anything else. */
  removals = 0;

  /**
   * Removes `element` from the body, forgetting what its going changes: the text, the line and the media
   * of each element around it, and whether any element stands alone (its siblings' neighbours changed).
   * Every other element's text is as it was, and stays measured for the next rule.
   */
  remove(element: Element): void {
    for (let around = element.parentElement; around; around = around.parentElement) {
      this.exactLengths.delete(around);
      this.longerThan.delete(around);
      this.lines.delete(around);
      this.keptContent.delete(around);
    }
    this.alone.clear();
    element.remove();
    this.removals++;
  }

  /** After the body changed: nothing measured before holds any more. */
  forget(): void {
    this.exactLengths.clear();
    this.longerThan.clear();
    this.lines.clear();
    this.keptContent.clear();
    this.alone.clear();
  }
}

/** The cached measure of `element`, measured and cached on first use. */
function remembered<T>(cache: Map<Element, T>, element: Element, measure: (element: Element) => T): T {
  let value = cache.get(element);
  if (value === undefined) {
    value = measure(element);
    cache.set(element, value);
  }
  return value;
}

/** Removes a line a rule found: through the run's measures when it has them (see ElementMeasures.remove). */
export function removeLine(element: Element, measures: ElementMeasures | undefined): void {
  if (measures) measures.remove(element);
  else element.remove();
}
