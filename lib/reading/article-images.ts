/**
 * The article's images that open in the lightbox, in reading order, each with its caption (the
 * figure's caption, else nothing: the alt text is the image's name, not a caption). Icons and images
 * that are links to somewhere else are left alone; a link to a bigger copy of the image is followed.
 */

export interface ArticleImage {
  element: HTMLImageElement;
  /** The address to show: a linked full-size copy when there is one, else the image's own. */
  src: string;
  alt: string;
  caption: string;
}

/** Smaller than this (by its declared size) is an icon or a spacer, not a picture. */
const MIN_SIZE = 48;
const IMAGE_FILE = /\.(?:avif|gif|jpe?g|png|svg|webp)(?:[?#]|$)/i;

function declaredTooSmall(image: HTMLImageElement): boolean {
  const width = Number(image.getAttribute('width'));
  const height = Number(image.getAttribute('height'));
  return (width > 0 && width < MIN_SIZE) || (height > 0 && height < MIN_SIZE);
}

function captionOf(image: HTMLImageElement): string {
  const caption = image.closest('figure')?.querySelector('figcaption');
  return (caption?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function articleImages(root: Element): ArticleImage[] {
  const images: ArticleImage[] = [];
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const src = image.currentSrc || image.src || image.getAttribute('src') || '';
    if (!src || declaredTooSmall(image)) continue;
    const link = image.closest('a');
    const href = link?.getAttribute('href') ?? null;
    if (link && !(href && IMAGE_FILE.test(href))) continue;
    images.push({ element: image, src: link && href ? (link as HTMLAnchorElement).href || href : src, alt: image.getAttribute('alt') ?? '', caption: captionOf(image) });
  }
  return images;
}
