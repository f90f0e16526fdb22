import type { ImageSkipReason } from '../../storage/schema';

/**
 * Fetches one image's bytes for the offline copy, within a size limit, without cookies or referrer
 * (Folio adds no identity to the request the page's own <img> would make), and keeps them only when the
 * bytes really are a raster image: the stored Blob's type comes from its first bytes, never from the
 * server's header. SVG is never kept: an SVG opened by its blob: URL would run its scripts with the
 * extension's rights, and article SVGs are mostly icons anyway; its URL stays in the article.
 */

export type FetchedImage = { ok: true; blob: Blob } | { ok: false; reason: ImageSkipReason | 'unreachable' };

export interface FetchImageOptions {
  maxBytes: number;
  timeoutMs: number;
  fetch?: typeof fetch;
}

const SIGNATURES: ReadonlyArray<{ type: string; matches: (b: Uint8Array) => boolean }> = [
  { type: 'image/png', matches: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', matches: (b) => ascii(b, 0, 4) === 'GIF8' },
  { type: 'image/webp', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { type: 'image/avif', matches: (b) => ascii(b, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 12)) },
  { type: 'image/bmp', matches: (b) => ascii(b, 0, 2) === 'BM' },
];

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/** The raster image type the bytes start with, or null (SVG, HTML, anything else). */
export function sniffImageType(bytes: Uint8Array): string | null {
  return SIGNATURES.find((signature) => signature.matches(bytes))?.type ?? null;
}

/** Reads the body up to `maxBytes`; null when it is longer (the rest is not downloaded). */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function fetchImage(url: string, { maxBytes, timeoutMs, fetch: fetchImpl = globalThis.fetch }: FetchImageOptions): Promise<FetchedImage> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: controller.signal });
    if (!response.ok) return { ok: false, reason: 'unreachable' };
    if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
      await response.body?.cancel();
      return { ok: false, reason: 'too-large' };
    }
    const bytes = await readAtMost(response, maxBytes);
    if (!bytes) return { ok: false, reason: 'too-large' };
    const type = sniffImageType(bytes);
    return type ? { ok: true, blob: new Blob([bytes], { type }) } : { ok: false, reason: 'not-an-image' };
  } catch {
    // Offline, CORS refused (no access to the site and no CORS header), timed out: the URL stays.
    return { ok: false, reason: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
