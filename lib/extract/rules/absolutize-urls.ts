import type { ExtractRule } from './types';
import { absoluteUrl } from '../url';
import { srcsetEntries, srcsetText } from '../srcset';

const URL_ATTRIBUTES: Array<[selector: string, attribute: string]> = [
  ['a[href]', 'href'],
  ['img[src]', 'src'],
  ['source[src]', 'src'],
  ['video[poster]', 'poster'],
  ['blockquote[cite], q[cite]', 'cite'],
];

function absoluteSrcset(srcset: string, baseUrl: string | null): string {
  // A candidate that is no web address stays as written: the sanitizer judges the whole attribute.
  return srcsetText(srcsetEntries(srcset).map(({ url, descriptor }) => ({ url: absoluteUrl(url, baseUrl, 'image') ?? url, descriptor })));
}

export const absolutizeUrls: ExtractRule = {
  name: 'absolutize-urls',
  phase: 'clean',
  why: 'A saved copy and the overlay must open links and images from anywhere, so relative addresses become absolute; in-page #anchors stay.',
  apply({ root, baseUrl }) {
    if (!baseUrl) return 0;
    let changed = 0;
    for (const [selector, attribute] of URL_ATTRIBUTES) {
      for (const element of Array.from(root.querySelectorAll(selector))) {
        const value = element.getAttribute(attribute);
        if (!value || value.startsWith('#')) continue;
        const absolute = absoluteUrl(value, baseUrl);
        if (absolute && absolute !== value) {
          element.setAttribute(attribute, absolute);
          changed++;
        }
      }
    }
    for (const element of Array.from(root.querySelectorAll('[srcset]'))) {
      element.setAttribute('srcset', absoluteSrcset(element.getAttribute('srcset') ?? '', baseUrl));
      changed++;
    }
    return changed;
  },
};
