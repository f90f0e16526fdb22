import { build, type Rollup } from 'vite';

/**
 * `entry` and everything it imports as one classic script (an IIFE), kept in memory, for a bench to add
 * to a page (Vite's build API: Vite is already a dev dependency, WXT's and Vitest's bundler).
 */
export async function bundleForPage(entry: string, name: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((item): item is Rollup.OutputChunk => item.type === 'chunk');
  if (!chunk) throw new Error(`bundling ${entry} for the page produced no script`);
  return chunk.code;
}
