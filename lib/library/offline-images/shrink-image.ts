/**
 * Makes a fetched image fit the offline copy: wider than `maxWidth` → redrawn at that width and encoded
 * as WebP (JPEG where the browser cannot encode WebP), kept as it was when that is not smaller. GIFs
 * are kept as they are (redrawing would stop an animation). Where the context has no
 * createImageBitmap/OffscreenCanvas (Node tests), images are kept as they are.
 *
 * Resolves null when the bytes do not decode: a broken image is not worth storing.
 */

export type ShrinkImage = (blob: Blob, maxWidth: number) => Promise<Blob | null>;

const QUALITY = 0.85;

export const shrinkImage: ShrinkImage = async (blob, maxWidth) => {
  if (blob.type === 'image/gif' || typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return blob;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    return null;
  }
  try {
    if (bitmap.width <= maxWidth) return blob;
    const height = Math.max(1, Math.round((bitmap.height * maxWidth) / bitmap.width));
    const canvas = new OffscreenCanvas(maxWidth, height);
    const context = canvas.getContext('2d');
    if (!context) return blob;
    context.drawImage(bitmap, 0, 0, maxWidth, height);
    let smaller = await canvas.convertToBlob({ type: 'image/webp', quality: QUALITY });
    // A browser that cannot encode WebP answers with PNG; JPEG is far smaller for photos.
    if (smaller.type !== 'image/webp') smaller = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
    return smaller.size < blob.size ? smaller : blob;
  } finally {
    bitmap.close();
  }
};
