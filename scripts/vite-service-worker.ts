/**
 * Vite plugin: at build time, writes sw.js next to index.html — a service worker that
 * precaches the whole built app and serves it cache-first, so after one visit the app loads
 * and plays its demo track with no network (scripts/sw-source.ts has the worker itself).
 *
 * The precache list is every file the build emits (all HTML pages, JS and CSS chunks, the
 * AudioWorklet module that Vite emits for `?worker&url`) plus every file of public/ (the
 * favicon), minus source maps (scripts/sw-precache.ts). Its version is a hash of those files'
 * names and bytes, so each build that changes anything ships a new sw.js and browsers update.
 *
 * The page registers the worker itself (src/offline/register-service-worker.ts), in
 * production builds only. Nothing happens in the dev server (`apply: 'build'`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { cacheVersion, precacheList, SERVICE_WORKER_FILE, type BuiltFile } from './sw-precache.ts';
import { serviceWorkerSource } from './sw-source.ts';

function filesUnder(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return []; // no public/ folder
  }
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

export function serviceWorker(): Plugin {
  let publicDir = '';
  let copyPublicDir = true;
  return {
    name: 'headroom-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
      copyPublicDir = config.build.copyPublicDir;
    },
    generateBundle: {
      // After Vite has emitted the HTML pages and the CSS.
      order: 'post',
      handler(_options, bundle) {
        const built: BuiltFile[] = Object.values(bundle).map((item) => ({
          fileName: item.fileName,
          content: item.type === 'chunk' ? item.code : item.source,
        }));
        // Only the app's own build has pages to cache (not a worker's nested build).
        if (!built.some((file) => file.fileName === 'index.html')) return;
        if (publicDir && copyPublicDir) {
          for (const path of filesUnder(publicDir)) {
            const fileName = relative(publicDir, path).split('\\').join('/');
            if (!(fileName in bundle)) built.push({ fileName, content: readFileSync(path) });
          }
        }
        const files = precacheList(built.map((file) => file.fileName));
        this.emitFile({
          type: 'asset',
          fileName: SERVICE_WORKER_FILE,
          source: serviceWorkerSource({ version: cacheVersion(built), files }),
        });
      },
    },
  };
}
