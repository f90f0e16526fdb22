import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { READER_REACT_STAND_INS } from '@/lib/content/reader-react-globals';

/**
 * The overlay is written against React but runs on Preact's compatible layer (reader-react.js). A
 * React API that layer lacks would type-check and build, then fail only in the overlay on a page, so
 * every name the overlay's code imports from a React module must exist on its stand-in.
 */
const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'entrypoints/reader-overlay.content/index.tsx');
const IMPORT = /import\s+(type\s+)?(?:\{([^}]*)\}|[\w*\s]+)\s+from\s+'([^']+)'|import\s+'([^']+)'/g;

function resolveSource(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((file) => /\.tsx?$/.test(file) && existsSync(file)) ?? null;
}

/** Named value imports from each React module, over every source file the overlay's entry reaches. */
function reactImportsOfOverlay(): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, typeOnly, names, specifier, bare] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = specifier ?? bare!;
      const local = resolveSource(file, target);
      if (local) queue.push(local);
      if (typeOnly || !names || !(target in READER_REACT_STAND_INS)) continue;
      const values = names.split(',').map((name) => name.trim()).filter((name) => name && !name.startsWith('type '));
      for (const name of values) (used.get(target) ?? used.set(target, new Set()).get(target)!).add(name.split(/\s+as\s+/)[0]!);
    }
  }
  return used;
}

describe("reader-react.js's stand-ins for React", () => {
  it('provide every React API the overlay imports', async () => {
    const used = reactImportsOfOverlay();
    // The JSX transform's calls (automatic runtime), which no source file names.
    used.set('react/jsx-runtime', new Set(['jsx', 'jsxs', 'Fragment']));
    // The overlay does import React's hooks and React DOM's createRoot: a scan that found nothing would prove nothing.
    expect(used.get('react')?.has('useState')).toBe(true);
    expect(used.get('react-dom/client')?.has('createRoot')).toBe(true);
    for (const [specifier, names] of used) {
      const standIn = (await import(READER_REACT_STAND_INS[specifier as keyof typeof READER_REACT_STAND_INS])) as Record<string, unknown>;
      const missing = [...names].filter((name) => standIn[name] === undefined);
      expect(missing, `${specifier} → ${READER_REACT_STAND_INS[specifier as keyof typeof READER_REACT_STAND_INS]}`).toEqual([]);
    }
  });
});
