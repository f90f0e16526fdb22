import { existsSync } from 'node:fs';

/** Where Chromium or Chrome usually lives; CHROME_PATH wins. The Debian wrapper comes last (it adds flags). */
const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: install Google Chrome) ' +
  'or point CHROME_PATH at the browser binary, e.g. CHROME_PATH=/usr/bin/google-chrome npm start';

export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/**
 * Flags for any Chromium Folio's scripts launch. The network flags keep Chromium from calling home
 * (these machines refuse such connections, and a user's demo needs none of them); root cannot use
 * Chromium's sandbox.
 */
export function quietBrowserArgs({ sandbox = true } = {}) {
  return [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    ...(sandbox ? [] : ['--no-sandbox', '--disable-gpu']),
  ];
}

/** Flags for Chromium with an unpacked extension. */
export function extensionLaunchArgs(extensionDir, { sandbox = true } = {}) {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...quietBrowserArgs({ sandbox })];
}
