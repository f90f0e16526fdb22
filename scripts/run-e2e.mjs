// Builds the Chrome extension, then runs the Playwright end-to-end tests in real Chromium.
import { spawnSync } from 'node:child_process';
import { findChrome, INSTALL_HINT } from './lib/find-chrome.mjs';

try {
  findChrome();
} catch (error) {
  console.error(error instanceof Error ? error.message : INSTALL_HINT);
  process.exit(1);
}
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: false }).status ?? 1;
if (run('npx', ['wxt', 'build']) !== 0) process.exit(1);
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
