import type { ExtractRule } from './types';
import { holdsProse, textLengthUpTo } from './dom-helpers';

/**
 * Where consent tools and cookie plugins put their notices: a class or id that names cookies, consent or
 * GDPR, or a label that names cookies or consent. Matching the hint first keeps the rule cheap: most
 * pages have no such element. Found with the browser's selector engine (`i`: ASCII case ignored), which
 * reads the attributes where they are; reading each element's id, class and label from script cost more,
 * in Chromium and in linkedom alike, once the rule ran on the pruned page.
 */
const NOTICE_HINTS = [
  ...['cookie', 'consent', 'gdpr'].flatMap((word) => [`[id*="${word}" i]`, `[class*="${word}" i]`]),
  '[aria-label*="cookie" i]',
  '[aria-label*="consent" i]',
].join(', ');

/** A notice is short: a sentence or two and its buttons. */
const MAX_NOTICE_CHARS = 1_200;
/** What a notice is about: consent, personal data, or cookies put to a site's uses (not cookies one bakes). */
const CONSENT_TOPIC = /\bconsent\b|\bgdpr\b|information on your device|tracking technolog|personal data|privacy (?:policy|settings|choices)|\bcookies?\b[^.]{0,100}\b(?:experience|analytics|advertis|personali[sz]|partners|browsing|third[- ]part|traffic)/i;
/** What only a notice says: it asks the reader to accept something about the site itself. */
const ASKS_CONSENT = new RegExp([
  String.raw`\b(?:we|site|website|partners)\s+(?:and (?:our|its) partners\s+)?(?:use|uses|store|stores|set|sets|place|places)\s+cookies\b`,
  String.raw`\bcookies? (?:policy|settings|preferences|notice|consent)\b`,
  String.raw`\bby (?:continuing|using|clicking|browsing)\b[^.]{0,80}\b(?:agree|accept|consent)`,
  String.raw`\byou (?:agree|consent)\b[^.]{0,60}\b(?:cookies|use of|privacy)`,
  String.raw`\bmanage (?:your )?(?:cookie|consent|privacy)`,
].join('|'), 'i');
/** The notice's own buttons: "Accept all", "Reject", "Manage preferences", "Got it". */
const CONSENT_CONTROL = /^\s*(?:accept|agree|allow|reject|decline|deny|refuse|manage|customi[sz]e|(?:cookie |privacy )?(?:settings|preferences|options)|ok(?:ay)?|got it|i understand)\b/i;
const CONTROL_SELECTOR = 'button, [role="button"], input[type="button"], input[type="submit"], a';

function hasConsentControl(element: Element): boolean {
  for (const control of Array.from(element.querySelectorAll(CONTROL_SELECTOR))) {
    const label = control.textContent?.trim() || control.getAttribute('value') || control.getAttribute('aria-label') || '';
    if (CONSENT_CONTROL.test(label)) return true;
  }
  return false;
}

/** A cookie or consent notice, not a story about cookies (nor a recipe card that names them). */
export function isCookieNotice(element: Element): boolean {
  if (element.localName === 'body' || element.localName === 'html') return false;
  if (textLengthUpTo(element, MAX_NOTICE_CHARS) > MAX_NOTICE_CHARS || holdsProse(element, 400)) return false;
  const text = element.textContent ?? '';
  return ASKS_CONSENT.test(text) || (CONSENT_TOPIC.test(text) && hasConsentControl(element));
}

export const removeCookieNotices: ExtractRule = {
  name: 'remove-cookie-notices',
  phase: 'prepare',
  why: 'Cookie and consent notices sit in the page (often inside its main column) and are no part of the story.',
  apply({ root, record }) {
    let removed = 0;
    // Read before any is removed: a notice inside a removed one is skipped below.
    for (const element of Array.from(root.querySelectorAll(NOTICE_HINTS))) {
      // An outer notice already removed took this one with it.
      if (!root.contains(element) || !isCookieNotice(element)) continue;
      record?.(element, 'removed cookie notice');
      element.remove();
      removed++;
    }
    return removed;
  },
};
