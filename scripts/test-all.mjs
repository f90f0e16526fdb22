// `npm test`: every check, in order, each one's outcome counted; ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';

const STEPS = [
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['Chrome build', 'npx', ['wxt', 'build']],
  // Every hostile input through the built extension's overlay and reader page (uses the build above).
  ['hostile HTML (Chromium)', 'npx', ['tsx', 'scripts/test-security.ts', '--no-build']],
  ['Firefox build', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['web-ext lint (Firefox)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--self-hosted']],
  ['end-to-end (Chromium)', 'npx', ['playwright', 'test']],
  ['end-to-end (Firefox)', 'npx', ['tsx', 'tests/e2e-firefox/smoke.ts']],
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary = [];
for (const [name, command, args] of STEPS) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const status = spawnSync(command, args, { stdio: 'inherit' }).status;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status === 0) passed++;
  else failed++;
  summary.push(`${status === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
}
console.log(`\n${summary.join('\n')}`);
console.log(`checks: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
