/**
 * The bench page (bench/page) served and built with the app's own Vite config, so the
 * worklet is bundled exactly as the app bundles it (`?worker&url`, worker format 'iife').
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../vite.config.ts';

export default mergeConfig(
  appConfig,
  defineConfig({
    root: fileURLToPath(new URL('./page', import.meta.url)),
    // Its own optimizer cache: never races the app's or the test projects' Vite servers.
    cacheDir: fileURLToPath(new URL('../node_modules/.vite-bench', import.meta.url)),
    // The page imports src/ and worklets/ from outside its root.
    server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  }),
);
