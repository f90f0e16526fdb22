import { describe, expect, it } from 'vitest';
import { readMetadata, toIsoDate } from '@/lib/extract/metadata';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';

const page = (head: string) => parseHtmlDocument(`<html lang="fr"><head><title>Doc title</title>${head}</head><body></body></html>`);

describe('metadata', () => {
  it('prefers JSON-LD, found inside @graph, over OpenGraph', () => {
    const doc = page(`
      <meta property="og:site_name" content="Aggregator"><meta property="og:title" content="OG title">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Aggregator"},
        {"@type":["NewsArticle"],"headline":"LD headline","author":[{"@type":"Person","name":"Ada Lovelace"},{"name":"Charles Babbage"}],
         "publisher":{"@type":"Organization","name":"The Publisher"},"datePublished":"2024-05-01T08:00:00+02:00","image":{"url":"/lead.jpg"}}]}</script>`);
    const metadata = readMetadata(doc, 'https://news.example/a/b');
    expect(metadata.title).toBe('LD headline');
    expect(metadata.byline).toBe('Ada Lovelace, Charles Babbage');
    expect(metadata.siteName).toBe('The Publisher');
    expect(metadata.publishedTime).toBe('2024-05-01T06:00:00.000Z');
    expect(metadata.image).toBe('https://news.example/lead.jpg');
    expect(metadata.lang).toBe('fr');
  });

  it('falls back to OpenGraph, then meta tags, then the document', () => {
    const doc = page('<meta property="og:title" content="OG title"><meta name="author" content="By Grace Hopper"><meta property="article:published_time" content="2023-01-02">');
    const metadata = readMetadata(doc, null);
    expect(metadata.title).toBe('OG title');
    expect(metadata.byline).toBe('Grace Hopper');
    expect(metadata.publishedTime).toBe('2023-01-02T00:00:00.000Z');
    expect(readMetadata(page(''), null).title).toBe('Doc title');
  });

  it('survives broken JSON-LD and reads the paywall parts it declares', () => {
    const doc = page(`<script type="application/ld+json">{ not json</script>
      <script type="application/ld+json">{"@type":"Article","headline":"H","isAccessibleForFree":"False",
        "hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paywalled"},}</script>`);
    const metadata = readMetadata(doc, null);
    expect(metadata.jsonLd?.accessibleForFree).toBe(false);
    expect(metadata.jsonLd?.paywalledSelectors).toEqual(['.paywalled']);
  });

  it('decodes the HTML character references a template left in JSON-LD text', () => {
    const doc = page(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Club pays &#163;71.6m &amp; more: Q&#x26;A &bogus; &#0;",
      "author":{"name":"Ana &quot;Bee&quot; Ruiz"}}</script>`);
    const metadata = readMetadata(doc, null);
    expect(metadata.title).toBe('Club pays £71.6m & more: Q&A &bogus; &#0;');
    expect(metadata.byline).toBe('Ana "Bee" Ruiz');
  });

  it('ignores author URLs given in place of names', () => {
    expect(readMetadata(page('<meta property="article:author" content="https://facebook.com/someone">'), null).byline).toBeNull();
  });

  it('normalises dates to ISO 8601 and rejects non-dates', () => {
    expect(toIsoDate('March 3, 2025 10:00 UTC')).toBe('2025-03-03T10:00:00.000Z');
    expect(toIsoDate('yesterday')).toBeNull();
  });
});
