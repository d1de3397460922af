#!/usr/bin/env node
// Makes sure a system Chromium exists before `vitest run` starts the browser tests.
//
// Found (CHROME_PATH, then chromium / chromium-browser / google-chrome(-stable) on PATH):
//   prints its path and version, exits 0.
// Missing on Debian/Ubuntu as root (a CI container): installs the distribution package
//   non-interactively (apt-get update && apt-get install -y chromium; Ubuntu falls back to
//   chromium-browser), streaming apt's output, then checks again.
// Missing anywhere else: exits 1 with one message that says how to install it.
// Never reads stdin, so it behaves the same with or without a terminal.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { INSTALL_HINT, chromiumVersion, findChromium } from './chromium-path.mjs';

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

function report(path) {
  const version = chromiumVersion(path);
  if (!version) fail(`${path} was found but does not run (\`${path} --version\` failed).\n${INSTALL_HINT}`);
  console.log(`ensure-chromium: using ${path} (${version})`);
}

/** { id, like } from /etc/os-release, or null when the file is missing. */
function osRelease() {
  let text;
  try {
    text = readFileSync('/etc/os-release', 'utf8');
  } catch {
    return null;
  }
  const fields = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match) fields[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
  return { id: fields.ID ?? '', like: (fields.ID_LIKE ?? '').split(/\s+/).filter(Boolean) };
}

function isDebianFamily(os) {
  return os !== null && [os.id, ...os.like].some((name) => name === 'debian' || name === 'ubuntu');
}

function apt(args) {
  console.log(`ensure-chromium: apt-get ${args.join(' ')}`);
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`could not run apt-get: ${result.error.message}\n${INSTALL_HINT}`);
  return result.status === 0;
}

function install(os) {
  if (!apt(['update'])) fail(`apt-get update failed (see its output above).\n${INSTALL_HINT}`);
  const isUbuntu = os.id === 'ubuntu' || os.like.includes('ubuntu');
  const packages = isUbuntu ? ['chromium', 'chromium-browser'] : ['chromium'];
  let installed = false;
  for (const name of packages) {
    if (!apt(['install', '-y', name])) continue;
    installed = true;
    if (findChromium()) return;
  }
  fail(
    installed
      ? `apt-get installed ${packages.join(' / ')}, but no Chromium executable is on PATH afterwards.\n${INSTALL_HINT}`
      : `apt-get could not install ${packages.join(' or ')} (see its output above).\n${INSTALL_HINT}`,
  );
}

let path;
try {
  path = findChromium();
} catch (error) {
  fail(error.message);
}

if (!path) {
  const os = osRelease();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isDebianFamily(os) && isRoot) {
    console.log('ensure-chromium: Chromium not found; installing the system package (this takes a minute or two).');
    install(os);
    path = findChromium();
  } else {
    fail(INSTALL_HINT);
  }
}

report(path);
