import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Reads an `.html` or `.html.gz` file (`-` for stdin) and decodes it as a browser would. */
export function readHtmlFile(file: string): string {
  const raw = file === '-' ? readFileSync(0) : readFileSync(file);
  const bytes = file.endsWith('.gz') || (raw[0] === 0x1f && raw[1] === 0x8b) ? gunzipSync(raw) : raw;
  return decodeHtml(bytes);
}

const BOMS: Array<[bytes: number[], encoding: string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
  return match?.[1]?.toLowerCase() ?? null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Encoding from the BOM, else `<meta charset>`, else UTF-8 when the bytes are valid UTF-8, else windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((byte, index) => bytes[index] === byte)) return new TextDecoder(encoding).decode(bytes.subarray(bom.length));
  }
  const declared = declaredCharset(bytes);
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to sniffing.
    }
  }
  return new TextDecoder(isValidUtf8(bytes) ? 'utf-8' : 'windows-1252').decode(bytes);
}
