import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The floor of an extension page's first paint on this machine: a copy of the build with one more
 * page, `floor.html`, holding one line of text and nothing else (no script, no stylesheet). Loaded
 * with the same navigation as the library page, in the same browser and run, it says how much of
 * navigation → first paint is the browser's own (starting the renderer, fetching and parsing the
 * document, the first frame) and how much the library adds. The shipped build is untouched.
 */
export const FLOOR_PAGE = 'floor.html';
export const FLOOR_TIMING = 'folio-floor';

const FLOOR_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Floor</title>
  </head>
  <body>
    <p elementtiming="${FLOOR_TIMING}">One line of text.</p>
  </body>
</html>
`;

export function copyWithFloorPage(extensionDir: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-bench-floor-'));
  cpSync(extensionDir, dir, { recursive: true });
  writeFileSync(path.join(dir, FLOOR_PAGE), FLOOR_HTML);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
