// Finds a system Chromium for the browser tests. Shared by scripts/ensure-chromium.mjs,
// vitest.config.ts and tests/browser/*.e2e.test.ts so that all of them agree.
//
// Order: $CHROME_PATH, then `chromium`, `chromium-browser`, `google-chrome`,
// `google-chrome-stable` on PATH, then the usual absolute install locations.
// Playwright's own browser download is not used (it cannot work offline / in CI here).
import { accessSync, constants, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

export const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const WELL_KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Flags for headless Chromium in containers and CI: no sandbox (root), no GPU, no network chatter. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/**
 * The Chromium executable to use, or null when there is none.
 * A CHROME_PATH that is set but does not point at an executable is an error, not a fallback:
 * the user asked for that browser.
 */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv)) {
      throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
    }
    return fromEnv;
  }
  for (const command of CHROMIUM_COMMANDS) {
    const found = onPath(command);
    if (found) return found;
  }
  for (const path of WELL_KNOWN_PATHS) {
    if (isExecutableFile(path)) return path;
  }
  return null;
}

/** `Chromium 156.0.8078.79 …` as the browser prints it, or null if it will not run. */
export function chromiumVersion(executablePath) {
  try {
    const out = execFileSync(executablePath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 20_000,
    });
    const line = out.trim().split('\n').find((l) => /\d+\.\d+/.test(l));
    return line ? line.trim() : null;
  } catch {
    return null;
  }
}

export const INSTALL_HINT = [
  'Chromium is needed for the browser tests (tests/browser) and was not found.',
  'Install it with your system package manager, e.g.',
  '  sudo apt-get install -y chromium        (Debian; Ubuntu: chromium-browser)',
  'or point CHROME_PATH at an installed Chromium or Chrome, e.g.',
  '  CHROME_PATH=/path/to/chrome npm test',
].join('\n');

/** The found Chromium, or an Error whose message says how to install one. */
export function requireChromium() {
  const path = findChromium();
  if (!path) throw new Error(INSTALL_HINT);
  return path;
}
