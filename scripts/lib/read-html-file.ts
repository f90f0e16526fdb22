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

/**
 * windows-1252's printable characters in 0x80–0x9F (Node's TextDecoder treats the label as latin1 and
 * would yield C1 control codes there instead of curly quotes and dashes).
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Encoding from the BOM, else `<meta charset>`, else UTF-8 when the bytes are valid UTF-8, else windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((byte, index) => bytes[index] === byte)) return new TextDecoder(encoding).decode(bytes.subarray(bom.length));
  }
  const declared = declaredCharset(bytes);
  if (declared && /^(?:windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(declared)) return decodeWindows1252(bytes);
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to sniffing.
    }
  }
  return isValidUtf8(bytes) ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes);
}
