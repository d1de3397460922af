/**
 * The text of the generated service worker (sw.js), a classic script with no imports.
 *
 * - install: fetches every file of the precache list into a cache named after the service
 *   worker's scope and the build's version (bypassing the HTTP cache), then takes over at once.
 * - activate: deletes this scope's caches of older versions (only this scope's: another copy of
 *   the app under another path of the same origin keeps its own), then controls open pages.
 * - fetch: only GET requests inside its own scope on its own origin; everything else is left
 *   to the browser, so the worker never makes a request the page would not have made, and
 *   never one to another origin. Precached files are answered from the cache (cache-first;
 *   the network only if the entry is missing). A navigation to the app's folder or to
 *   index.html, with any query string (?preset=…, ?a=…&b=…), gets the cached index.html; a
 *   navigation to another precached page (embed-example.html) gets that page; any other
 *   navigation goes to the network and falls back to the cached index.html when offline.
 *
 * Every URL is resolved against the worker's own URL, which sits next to index.html: the
 * build's base is './', so the app works from any sub-path of any host.
 */
export interface ServiceWorkerSourceOptions {
  /** Cache version: scripts/sw-precache.ts cacheVersion(). */
  version: string;
  /** Files relative to sw.js: scripts/sw-precache.ts precacheList(). */
  files: readonly string[];
}

export function serviceWorkerSource({ version, files }: ServiceWorkerSourceOptions): string {
  if (!files.includes('index.html')) throw new Error('service worker: the precache list has no index.html');
  return `/* Headroom's service worker: generated at build time by scripts/vite-service-worker.ts. Do not edit. */
'use strict';

const VERSION = ${JSON.stringify(version)};
const FILES = ${JSON.stringify(files, null, 2)};

const SCOPE = self.registration.scope;
// Caches belong to the whole origin: name them after this scope, so copies of the app under
// other paths of the same host keep theirs.
const PREFIX = 'headroom:' + SCOPE + ':';
const CACHE = PREFIX + VERSION;
const BASE = new URL('./', self.location.href).href;
const INDEX = new URL('index.html', BASE).href;
const PRECACHED = new Set(FILES.map((file) => new URL(file, BASE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([...PRECACHED].map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  const path = url.origin + url.pathname;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request, path === BASE ? INDEX : path));
  } else if (PRECACHED.has(path)) {
    event.respondWith(cacheFirst(request, path));
  }
});

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  return hit ? unredirected(hit) : fetch(request);
}

async function navigate(request, key) {
  if (PRECACHED.has(key)) return cacheFirst(request, key);
  try {
    return await fetch(request);
  } catch (error) {
    const index = await (await caches.open(CACHE)).match(INDEX);
    if (index) return unredirected(index);
    throw error;
  }
}

// A host that redirects index.html to its folder stores a redirected response, which a
// navigation may not be answered with: hand out a plain copy.
async function unredirected(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}
`;
}
