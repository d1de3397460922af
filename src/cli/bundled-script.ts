/**
 * A TypeScript entry as one script, for what loads code as text (a worklet scope, a worker
 * thread): the file the package (scripts/build-package.mjs) or the bench (bench/lib/node-host.mjs)
 * ships beside the bundled CLI, or, from the source tree, esbuild's build of the entry in
 * memory, once per process (esbuild is a development dependency; the package needs none).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const scripts = new Map<string, Promise<string>>();

async function build(entry: URL, shipped: URL, platform: 'browser' | 'node'): Promise<string> {
  if (existsSync(fileURLToPath(shipped))) return readFile(shipped, 'utf8');
  const { build: esbuild } = await import('esbuild');
  // 'iife': a worklet scope is not an ES module host in every implementation, and a worker
  // evaluating text runs a classic script; es2022 keeps class fields native.
  const result = await esbuild({ entryPoints: [fileURLToPath(entry)], bundle: true, format: 'iife', platform, target: 'es2022', write: false, logLevel: 'silent' });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error(`esbuild produced no script for ${entry.pathname}`);
  return text;
}

/** The script's text: `shipped` if it exists, else `entry` bundled. */
export function bundledScript(entry: URL, shipped: URL, platform: 'browser' | 'node'): Promise<string> {
  let script = scripts.get(entry.href);
  if (!script) {
    script = build(entry, shipped, platform);
    scripts.set(entry.href, script);
    // A failed build must not poison the cache: the next call tries again.
    script.catch(() => scripts.delete(entry.href));
  }
  return script;
}
