/**
 * The bench page (bench/page) served and built with the app's own Vite config, so the
 * worklet is bundled exactly as the app bundles it (`?worker&url`, worker format 'iife').
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../vite.config.ts';

// The app's build lists its own pages (index.html, embed-example.html) as inputs; the bench
// builds only its page. mergeConfig would merge the two input objects, so replace it here.
const benchPage = fileURLToPath(new URL('./page/index.html', import.meta.url));
const appBuild = appConfig.build ?? {};
const appWithBenchInput = {
  ...appConfig,
  build: { ...appBuild, rolldownOptions: { ...appBuild.rolldownOptions, input: { main: benchPage } } },
};

export default mergeConfig(
  appWithBenchInput,
  defineConfig({
    root: fileURLToPath(new URL('./page', import.meta.url)),
    // Its own optimizer cache: never races the app's or the test projects' Vite servers.
    cacheDir: fileURLToPath(new URL('../node_modules/.vite-bench', import.meta.url)),
    // The page imports src/ and worklets/ from outside its root.
    server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  }),
);
