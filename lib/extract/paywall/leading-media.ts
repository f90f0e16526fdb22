/**
 * The pictures a body shows before its first paragraph: the lead image a rebuilt (structured) body keeps.
 *
 * Found by one walk in document order instead of `compareDocumentPosition`: linkedom, the DOM of the CLI,
 * tests and benchmarks, answers that call wrongly for elements in different subtrees (a paragraph inside
 * a section "follows" an image that comes after it), so the same body gave different lead media in Node
 * and in the browser.
 */
const MEDIA = new Set(['figure', 'picture', 'img']);

export function leadingMedia(body: Element): Element[] {
  const media: Element[] = [];
  for (const element of Array.from(body.querySelectorAll('p, figure, picture, img'))) {
    // The story's first paragraph ends the lead; a caption's paragraph inside a figure does not.
    if (element.localName === 'p') {
      if (element.closest('figure')) continue;
      break;
    }
    // A picture inside a figure (or an img inside a picture) comes with its outer element.
    if (MEDIA.has(element.localName) && !element.parentElement?.closest('figure, picture')) media.push(element);
  }
  return media;
}
