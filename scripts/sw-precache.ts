/**
 * The service worker's precache list and cache version, as pure functions of the build's
 * output (scripts/vite-service-worker.ts calls them at build time; tests/offline tests them).
 *
 * The list holds every file the built app may ask for — each HTML page, every JS and CSS
 * chunk (including the lazily imported Tone.js chunk), the AudioWorklet module, the favicon
 * and anything else in public/ — as URLs relative to sw.js, which sits next to index.html. So
 * the list stays right wherever the build is served from (base './', any sub-path).
 * Left out: source maps (only DevTools asks for them, and they are the bulk of the output),
 * the service worker itself, and dot-files and dot-folders (.vite/manifest.json, .DS_Store).
 */
import { createHash } from 'node:crypto';

/** Where the generated service worker is written, relative to the build's output folder. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** A file of the build: its path relative to the output folder and its bytes. */
export interface BuiltFile {
  fileName: string;
  content: string | Uint8Array;
}

/** `assets\x.js`, `./assets/x.js` and `/assets/x.js` all become `assets/x.js`. */
export function normalizeFileName(fileName: string): string {
  return fileName.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}

function cached(fileName: string): boolean {
  if (fileName === '' || fileName === SERVICE_WORKER_FILE) return false;
  if (fileName.endsWith('.map')) return false;
  return !fileName.split('/').some((part) => part.startsWith('.'));
}

/**
 * The precache list for the emitted file names: normalized, without source maps, the service
 * worker or dot-files, without duplicates, sorted (so the same build gives the same list).
 */
export function precacheList(fileNames: Iterable<string>): string[] {
  const files = new Set<string>();
  for (const name of fileNames) {
    const file = normalizeFileName(name);
    if (cached(file)) files.add(file);
  }
  return [...files].sort();
}

/**
 * The cache's version: a hash of the list and of every listed file's bytes. Hashed chunk
 * names change with their content anyway, but index.html, the favicon and the embed entry
 * keep their names, so their bytes must count too. The same build gives the same version;
 * any change to any cached file gives a new one (and a new sw.js, which browsers install).
 */
export function cacheVersion(files: readonly BuiltFile[]): string {
  const byName = new Map(files.map((file) => [normalizeFileName(file.fileName), file.content]));
  const hash = createHash('sha256');
  for (const name of precacheList(byName.keys())) {
    const content = byName.get(name)!;
    const contentHash = createHash('sha256').update(content).digest('hex');
    hash.update(`${name}\0${contentHash}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}
