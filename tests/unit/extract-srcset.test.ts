import { describe, expect, it } from 'vitest';
import { readMetadata } from '@/lib/extract/metadata';
import { absolutizeUrls } from '@/lib/extract/rules/absolutize-urls';
import { srcsetEntries, srcsetText } from '@/lib/extract/srcset';
import { parseHtmlDocument } from '@/scripts/lib/node-dom';

describe('srcset', () => {
  it('reads candidates as the HTML standard does: commas inside an address stay in it', () => {
    expect(srcsetEntries('/w_300,h_200/a.jpg 300w, b.jpg 2x,c.jpg,  d.jpg 1.5x')).toEqual([
      { url: '/w_300,h_200/a.jpg', descriptor: '300w' },
      { url: 'b.jpg', descriptor: '2x' },
      { url: 'c.jpg', descriptor: '' },
      { url: 'd.jpg', descriptor: '1.5x' },
    ]);
    expect(srcsetText(srcsetEntries('a.jpg 1x,b.jpg 2x'))).toBe('a.jpg 1x, b.jpg 2x');
  });

  it('absolutize-urls makes each candidate absolute without cutting a CDN address at its commas', () => {
    const doc = parseHtmlDocument('<!doctype html><body><div id="root"><img src="a.jpg" srcset="/img/w_300,h_200/a.jpg 300w, /img/w_800,h_500/a.jpg 800w"></div></body>');
    const root = doc.getElementById('root')!;
    const baseUrl = 'https://news.example/story/';
    absolutizeUrls.apply({ doc, root, baseUrl, metadata: readMetadata(doc, baseUrl) });
    expect(root.querySelector('img')!.getAttribute('srcset')).toBe('https://news.example/img/w_300,h_200/a.jpg 300w, https://news.example/img/w_800,h_500/a.jpg 800w');
  });
});
