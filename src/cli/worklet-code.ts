/**
 * The worklet entry module (worklets/headroom.worklet.ts and every kernel it imports) as one
 * classic script, for node-web-audio-api's `audioWorklet.addModule` (`--host web-audio`),
 * handed over as a blob: URL so nothing is written to disk. The package ships the script
 * beside the CLI (scripts/build-package.mjs); from the source tree, esbuild builds it in
 * memory, once per process.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The entry module the browser loads too (through Vite): the same processors in both. */
const WORKLET_ENTRY = new URL('../../worklets/headroom.worklet.ts', import.meta.url);
/** Where the package build puts the bundled script, next to the bundled CLI. */
const SHIPPED = new URL('./headroom.worklet.js', import.meta.url);

let code: Promise<string> | null = null;

async function bundle(): Promise<string> {
  if (existsSync(fileURLToPath(SHIPPED))) return readFile(SHIPPED, 'utf8');
  const { build } = await import('esbuild');
  // 'iife': a worklet scope is not an ES module host in every implementation; es2022 keeps class fields native.
  const result = await build({ entryPoints: [fileURLToPath(WORKLET_ENTRY)], bundle: true, format: 'iife', target: 'es2022', write: false, logLevel: 'silent' });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error('esbuild produced no worklet bundle');
  return text;
}

/** A blob: URL of the worklet script; built on the first call. */
export async function workletModuleUrl(): Promise<string> {
  if (!code) {
    code = bundle();
    // A failed build must not poison the cache: the next call tries again.
    code.catch(() => (code = null));
  }
  return URL.createObjectURL(new Blob([await code], { type: 'text/javascript' }));
}
