/**
 * Vite config for the app (dev server, build, preview) — vitest.config.ts extends it.
 * See docs/architecture.md, "Toolchain facts": worklets are imported with `?worker&url` and must be
 * bundled as IIFE; with the default 'es' Vite emits `export default` and
 * standardized-audio-context's addModule fails with "Unexpected token 'export'".
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './scripts/content-security-policy.ts';
import { serviceWorker } from './scripts/vite-service-worker.ts';

/** The embed entry's chunk keeps one stable name, for other pages' script tags (docs/embedding.md). */
export const EMBED_ENTRY_FILE = 'assets/headroom-sim.js';

/**
 * Tone.js's parts the demo track imports one by one, when the page is already up
 * (src/audio/sources/demo-track.ts). Named here so the dev server bundles them at start: found
 * later, they make it re-optimize and answer the page's requests with 504 "Outdated Optimize Dep".
 */
export const TONE_PARTS = [
  'core/context/OfflineContext',
  'core/context/GlobalContext',
  'instrument/MembraneSynth',
  'instrument/NoiseSynth',
  'instrument/MonoSynth',
  'instrument/PolySynth',
  'instrument/Synth',
  'component/filter/Filter',
  'component/channel/Panner',
  'core/context/Destination',
  'core/context/Listener',
].map((part) => `tone/build/esm/${part}.js`);

const page = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

/** Puts the Content-Security-Policy <meta> first in <head> (see scripts/content-security-policy.ts). */
function cspMeta(): Plugin {
  let mode: 'serve' | 'build' = 'build';
  return {
    name: 'headroom-csp-meta',
    configResolved(config) {
      mode = config.command;
    },
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(mode) }, injectTo: 'head-prepend' },
      ],
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built app works from any folder (file server, GitHub Pages subpath).
  base: './',
  // serviceWorker(): sw.js precaching the whole build, for offline use (scripts/vite-service-worker.ts).
  plugins: [cspMeta(), serviceWorker()],
  worker: { format: 'iife' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Everything ships in the bundle: no CDN, fonts or analytics, nothing fetched at runtime.
    assetsInlineLimit: 0,
    rolldownOptions: {
      // Two pages: the app, and the documented example of the <headroom-sim> embed.
      input: { main: page('index.html'), embed: page('embed-example.html') },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'embed' ? EMBED_ENTRY_FILE : 'assets/[name]-[hash].js'),
      },
    },
  },
  optimizeDeps: { include: TONE_PARTS },
  server: { host: '127.0.0.1', open: false },
  preview: { host: '127.0.0.1', open: false },
});
