import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_READER_PREFS } from '@/lib/prefs/schema';
import { decodeSiteRules, encodeSiteRules, EMPTY_SITE_RULE, prefsForSite, ruleFor, siteKey, withRule } from '@/lib/prefs/site-rules';
import { loadSiteRules, saveSiteRule, watchSiteRules } from '@/lib/storage/prefs';

describe('per-site rules', () => {
  beforeEach(() => fakeBrowser.reset());

  it('key a site by its hostname, www. dropped, case folded; pages without a host have no key', () => {
    expect(siteKey('https://www.Example.com/news/2024/story?x=1')).toBe('example.com');
    expect(siteKey('http://blog.example.co.uk:8080/a')).toBe('blog.example.co.uk');
    expect(siteKey('example.org')).toBe('example.org');
    expect(siteKey('http://127.0.0.1:5173/seed.html')).toBe('127.0.0.1');
    expect(siteKey('about:blank')).toBeNull();
    expect(siteKey('file:///home/me/a.html')).toBeNull();
    expect(siteKey('   ')).toBeNull();
  });

  it('store compactly and read back the same rules; all-default rules are dropped', () => {
    const rules = { 'a.com': { alwaysOpen: true, hideDetection: false, fontSize: 22 }, 'b.org': { alwaysOpen: false, hideDetection: true, fontSize: null }, 'c.net': EMPTY_SITE_RULE };
    const stored = encodeSiteRules(rules);
    expect(stored).toEqual({ 'a.com': { o: 1, s: 22 }, 'b.org': { n: 1 } });
    expect(decodeSiteRules(stored)).toEqual({ 'a.com': rules['a.com'], 'b.org': rules['b.org'] });
  });

  it('skip malformed entries from another device instead of failing', () => {
    expect(decodeSiteRules({ 'ok.com': { n: 1 }, 'bad host!': { o: 1 }, 'x.com': { s: 99 }, 'y.com': 'o' })).toEqual({ 'ok.com': { alwaysOpen: false, hideDetection: true, fontSize: null } });
    expect(decodeSiteRules('nonsense')).toEqual({});
  });

  it("override the reader's text size on that site only", () => {
    const rules = withRule({}, 'a.com', { fontSize: 24 });
    expect(prefsForSite(DEFAULT_READER_PREFS, ruleFor(rules, 'a.com')).fontSize).toBe(24);
    expect(prefsForSite(DEFAULT_READER_PREFS, ruleFor(rules, 'b.com')).fontSize).toBe(DEFAULT_READER_PREFS.fontSize);
    expect(withRule(rules, 'a.com', { fontSize: null })).toEqual({});
  });

  it('are saved to storage.sync and watched', async () => {
    const seen: string[][] = [];
    const unwatch = watchSiteRules((rules) => seen.push(Object.keys(rules)));
    expect((await saveSiteRule('a.com', { alwaysOpen: true })).ok).toBe(true);
    expect((await saveSiteRule('b.com', { hideDetection: true })).ok).toBe(true);
    expect(await loadSiteRules()).toEqual({ 'a.com': { ...EMPTY_SITE_RULE, alwaysOpen: true }, 'b.com': { ...EMPTY_SITE_RULE, hideDetection: true } });
    expect((await fakeBrowser.storage.sync.get('siteRules')).siteRules).toEqual({ 'a.com': { o: 1 }, 'b.com': { n: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    unwatch();
    expect(seen.at(-1)).toEqual(['a.com', 'b.com']);
  });

  it('two quick changes both land (saves run one at a time, each on the latest value)', async () => {
    await Promise.all([saveSiteRule('a.com', { alwaysOpen: true }), saveSiteRule('a.com', { hideDetection: true }), saveSiteRule('a.com', { fontSize: 20 })]);
    expect(await loadSiteRules()).toEqual({ 'a.com': { alwaysOpen: true, hideDetection: true, fontSize: 20 } });
  });

  it('refuse a rule that would outgrow their storage budget, and write nothing', async () => {
    let added = 0;
    for (;;) {
      const result = await saveSiteRule(`site-number-${added}.example.com`, { alwaysOpen: true, hideDetection: true, fontSize: 20 });
      if (!result.ok) {
        expect(result.message).toMatch(/remove some/);
        break;
      }
      added++;
    }
    expect(added).toBeGreaterThan(100);
    expect(Object.keys(await loadSiteRules())).toHaveLength(added);
  });
});
