import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGE_SCHEMAS, checkMessageData, isKnownMessageType, validated, warnOnUnknownMessage } from '@/lib/messaging-schema';

const sender = { id: 'folio', tab: { id: 7 }, frameId: 0 };

describe('message schemas', () => {
  it('has a schema for exactly the messages Folio knows', () => {
    expect(Object.keys(MESSAGE_SCHEMAS).sort()).toEqual([
      'deleteHighlight',
      'extractInOffscreen',
      'extractPageHtml',
      'getSavedState',
      'listHighlights',
      'loadReaderPart',
      'openLibrary',
      'openReader',
      'openSavedArticle',
      'putHighlight',
      'reportDetection',
      'saveArticle',
    ]);
    expect(isKnownMessageType('reportDetection')).toBe(true);
    expect(isKnownMessageType('deleteEverything')).toBe(false);
    expect(isKnownMessageType('toString')).toBe(false);
    expect(isKnownMessageType(42)).toBe(false);
  });

  it('accepts well-formed data', () => {
    expect(checkMessageData('reportDetection', { isArticle: true, score: 12.5 })).toEqual({ ok: true, data: { isArticle: true, score: 12.5 } });
    expect(checkMessageData('openReader', undefined)).toEqual({ ok: true, data: undefined });
    expect(checkMessageData('openLibrary', undefined).ok).toBe(true);
  });

  it.each([
    ['a missing field', { isArticle: true }],
    ['a wrong type', { isArticle: 'yes', score: 1 }],
    ['a non-finite score', { isArticle: false, score: Number.POSITIVE_INFINITY }],
    ['an extra field', { isArticle: true, score: 1, url: 'https://example.com' }],
    ['no object at all', 'article'],
    ['null', null],
  ])('refuses reportDetection with %s', (_case, data) => {
    const check = checkMessageData('reportDetection', data);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem.length).toBeGreaterThan(0);
  });

  it('refuses data on messages that carry none', () => {
    expect(checkMessageData('openReader', { tabId: 3 }).ok).toBe(false);
    expect(checkMessageData('openLibrary', 'now').ok).toBe(false);
  });
});

describe('validated handlers', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
  });

  it('call the handler with valid data', () => {
    const handler = vi.fn(({ data }: { data: { isArticle: boolean; score: number } }) => data.score * 2);
    const wrapped = validated('reportDetection', handler);
    expect(wrapped({ data: { isArticle: true, score: 4 }, sender })).toBe(8);
    expect(handler).toHaveBeenCalledOnce();
    expect(warn).not.toHaveBeenCalled();
  });

  it('refuse malformed data: the handler is not called, the refusal is logged and rejected to the sender', async () => {
    const handler = vi.fn();
    const wrapped = validated('reportDetection', handler);
    await expect(wrapped({ data: { isArticle: 1, score: 'x' } as never, sender })).rejects.toThrow(/refused a malformed "reportDetection"/);
    expect(handler).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/isArticle/);
  });

  it('log messages of an unknown type and stay quiet about known ones', () => {
    warnOnUnknownMessage({ type: 'reportDetection', data: { isArticle: true, score: 1 }, timestamp: 1 });
    expect(warn).not.toHaveBeenCalled();
    warnOnUnknownMessage({ type: 'stealCookies', timestamp: 1 });
    warnOnUnknownMessage('not even an object');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]).toContain('stealCookies');
  });
});

describe('library message schemas', () => {
  it('refuse a save whose article lacks its content, and accept a whole one', async () => {
    const { checkMessageData } = await import('@/lib/messaging-schema');
    const article = {
      url: 'https://example.org/a', title: 'T', byline: null, siteName: null, siteIcon: null, publishedTime: null, lang: 'en', dir: null,
      excerpt: null, leadImage: null, content: '<p>x</p>', textContent: 'x', wordCount: 1, readingMinutes: 1,
    };
    expect(checkMessageData('saveArticle', { article, pageUrl: 'https://example.org/a' }).ok).toBe(true);
    const { content: _content, ...withoutContent } = article;
    expect(checkMessageData('saveArticle', { article: withoutContent, pageUrl: 'https://example.org/a' }).ok).toBe(false);
    expect(checkMessageData('putHighlight', { id: 'h', articleId: 'a' }).ok).toBe(false);
  });
});
