/**
 * Bundles the worklet entry module (TypeScript and the kernels it imports) into one
 * classic script for `audioWorklet.addModule(path)`. node-web-audio-api loads worklet
 * code from a file path in a worker thread, so the bundle is written to a temp file:
 * once per process and entry, since every render in a process runs the same code.
 */
import { build } from 'esbuild';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The entry module the browser loads too (through Vite): the same processors in both. */
export const WORKLET_ENTRY = fileURLToPath(new URL('../../worklets/headroom.worklet.ts', import.meta.url));

const bundles = new Map<string, Promise<string>>();

/** Path of a bundled copy of `entry`; built on the first call, reused afterwards. */
export function workletBundlePath(entry: string = WORKLET_ENTRY): Promise<string> {
  let path = bundles.get(entry);
  if (!path) {
    path = bundleToTempFile(entry);
    // A failed build must not poison the cache: the next call tries again.
    path.catch(() => bundles.delete(entry));
    bundles.set(entry, path);
  }
  return path;
}

async function bundleToTempFile(entry: string): Promise<string> {
  // 'iife': a worklet scope is not an ES module host in every implementation (see DESIGN's
  // toolchain notes on `export` in worklet bundles); es2022 keeps class fields native.
  const result = await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2022', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error(`esbuild produced no output for ${entry}`);
  const dir = await mkdtemp(join(tmpdir(), 'headroom-worklet-'));
  const path = join(dir, 'headroom.worklet.js');
  await writeFile(path, code);
  return path;
}
