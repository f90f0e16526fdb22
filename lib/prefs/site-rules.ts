import * as z from 'zod/mini';
import { FONT_SIZE, type ReaderPrefs } from './schema';

/**
 * Per-site rules, keyed by hostname ("www." dropped, so example.com and www.example.com share a rule).
 * Stored compactly (one letter a field) because storage.sync gives one item 8 KiB and the whole of
 * preferences about 16 KiB next to the synced library; see SITE_RULES_MAX_BYTES.
 */
export interface SiteRule {
  /** Open the reader automatically on article pages of this site. */
  alwaysOpen: boolean;
  /** Never show "article available" on this site. */
  hideDetection: boolean;
  /** This site's text size, overriding the reader's; null = use the reader's. */
  fontSize: number | null;
}
export type SiteRules = Record<string, SiteRule>;

export const EMPTY_SITE_RULE: SiteRule = { alwaysOpen: false, hideDetection: false, fontSize: null };

/** Bytes (key + JSON) the stored rules may take: room for roughly 250 sites. */
export const SITE_RULES_MAX_BYTES = 6_144;

/** Hostnames only: lower-case letters, digits, dots, dashes (IDNs arrive in punycode), or an IP. */
const HOST_PATTERN = /^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]+\]$/;

export const storedSiteRuleSchema = z.strictObject({
  o: z.optional(z.literal(1)),
  n: z.optional(z.literal(1)),
  s: z.optional(z.int().check(z.gte(FONT_SIZE.min), z.lte(FONT_SIZE.max))),
});
export const storedSiteRulesSchema = z.record(z.string().check(z.regex(HOST_PATTERN)), storedSiteRuleSchema);
export type StoredSiteRules = z.infer<typeof storedSiteRulesSchema>;

/** The rule key for a page URL or a typed-in host; null for pages without a host (file:, about:). */
export function siteKey(urlOrHost: string): string | null {
  const text = urlOrHost.trim().toLowerCase();
  if (!text) return null;
  let host: string;
  try {
    host = new URL(text.includes('://') ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  return host && HOST_PATTERN.test(host) ? host : null;
}

function isEmpty(rule: SiteRule): boolean {
  return !rule.alwaysOpen && !rule.hideDetection && rule.fontSize === null;
}

export function encodeSiteRules(rules: SiteRules): StoredSiteRules {
  const stored: StoredSiteRules = {};
  for (const host of Object.keys(rules).sort()) {
    const rule = rules[host]!;
    if (isEmpty(rule)) continue;
    stored[host] = {
      ...(rule.alwaysOpen ? { o: 1 as const } : {}),
      ...(rule.hideDetection ? { n: 1 as const } : {}),
      ...(rule.fontSize !== null ? { s: rule.fontSize } : {}),
    };
  }
  return stored;
}

/** Lenient: a malformed host or rule (another device, an older version) is skipped, never fatal. */
export function decodeSiteRules(value: unknown): SiteRules {
  const rules: SiteRules = {};
  if (value === null || typeof value !== 'object') return rules;
  for (const [host, raw] of Object.entries(value as Record<string, unknown>)) {
    const parsed = storedSiteRuleSchema.safeParse(raw);
    if (!parsed.success || !HOST_PATTERN.test(host)) continue;
    const rule: SiteRule = { alwaysOpen: parsed.data.o === 1, hideDetection: parsed.data.n === 1, fontSize: parsed.data.s ?? null };
    if (!isEmpty(rule)) rules[host] = rule;
  }
  return rules;
}

export function ruleFor(rules: SiteRules, host: string | null): SiteRule {
  return (host && rules[host]) || EMPTY_SITE_RULE;
}

/** The rules with one site's rule changed (an all-default rule removes the site). */
export function withRule(rules: SiteRules, host: string, change: Partial<SiteRule>): SiteRules {
  const next = { ...rules };
  const rule = { ...ruleFor(rules, host), ...change };
  if (isEmpty(rule)) delete next[host];
  else next[host] = rule;
  return next;
}

/** The reader's preferences as they apply on one site (its own text size, if it has one). */
export function prefsForSite(prefs: ReaderPrefs, rule: SiteRule): ReaderPrefs {
  return rule.fontSize === null ? prefs : { ...prefs, fontSize: rule.fontSize };
}
