import type { ExtractRule } from './types';
import { descendantsByTagWithWords, holdsProse, textLength, textLengthUpTo } from './dom-helpers';

/**
 * Words of sign-up walls, app promos and newsletter boxes. Matched only on short blocks with no prose,
 * so a story that mentions subscribing keeps its paragraphs.
 */
const PROMPT_WORDS =
  /(?:sign ?up|sign in|log ?in|subscribe|subscription|register (?:now|for free|to)|create (?:a |an |your )?(?:free )?account|already (?:a |have an? )?(?:member|subscriber|account)|(?:continue|keep) reading|read (?:the full|this|the rest of this) (?:article|story)|unlock (?:this|the) (?:article|story)|free trial|days? free|download (?:the|our) app|get the app|one app|newsletters?|start reading)/gi;
/** The words standing alone (whole words), as a block's text must hold them. */
export const SUBSCRIPTION_PROMPT = new RegExp(`\\b${PROMPT_WORDS.source}\\b`, 'i');

const MAX_PROMPT_CHARS = 400;
/** Blocks and inline elements a prompt's text sits in. */
const CANDIDATE_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'span', 'strong', 'a', 'button', 'div', 'section', 'aside']);
const DIALOG_SELECTOR = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/** The largest ancestor that is still nothing but the prompt (short, no prose). */
function promptContainer(element: Element): Element {
  let container = element;
  for (let parent = container.parentElement; parent && parent.tagName !== 'BODY'; parent = parent.parentElement) {
    if (textLengthUpTo(parent, MAX_PROMPT_CHARS) > MAX_PROMPT_CHARS || holdsProse(parent, 120)) break;
    container = parent;
  }
  return container;
}

/** A story's own sentence that happens to say "subscribe": prose without a link or button to act on. */
function isSentenceOfTheStory(element: Element): boolean {
  const paragraph = element.closest('p, li, blockquote');
  if (!paragraph) return false;
  if (paragraph !== element && textLengthUpTo(paragraph, 160) > 160) return true;
  return textLength(paragraph) >= 50 && !paragraph.querySelector('a, button');
}

export const removeSubscriptionPrompts: ExtractRule = {
  name: 'remove-subscription-prompts',
  phase: 'prepare',
  why: 'Soft paywalls lay "Sign up to read this article" walls, app promos and modals over a story the page already delivered.',
  apply({ root, record }) {
    let removed = 0;
    for (const dialog of Array.from(root.querySelectorAll(DIALOG_SELECTOR))) {
      if (!holdsProse(dialog, 600)) {
        record?.(dialog, 'removed dialog');
        dialog.remove();
        removed++;
      }
    }
    // Only blocks whose text holds the words somewhere: the others would fail the test below.
    const candidates = descendantsByTagWithWords(root, CANDIDATE_TAGS, PROMPT_WORDS);
    for (const element of candidates) {
      if (!root.contains(element)) continue;
      const length = textLengthUpTo(element, 160);
      if (length === 0 || length > 160) continue;
      // The whole words next: few short blocks have them, and they are cheaper to test than the block's prose.
      if (!SUBSCRIPTION_PROMPT.test(element.textContent ?? '')) continue;
      if (element.children.length > 8 || holdsProse(element, 120)) continue;
      if (isSentenceOfTheStory(element)) continue;
      const container = promptContainer(element);
      record?.(container, 'removed prompt');
      container.remove();
      removed++;
    }
    return removed;
  },
};
