// The Node host of `npm run bench`: esbuild bundles of the worklet entry (what addModule loads)
// and of bench/node/main.ts, then one child process per measurement, killed if it stalls.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { StallError } from './stats.mjs';

/** Bundles into `outDir`; returns the paths of the worklet script and of the bench script. */
export async function bundleNodeBench(root, outDir) {
  mkdirSync(outDir, { recursive: true });
  const worklet = join(outDir, 'headroom.worklet.js');
  const script = join(outDir, 'bench-node.mjs');
  // The worklet exactly as src/cli/worklet-code.ts builds it for `headroom render --host web-audio`.
  await build({ entryPoints: [join(root, 'worklets/headroom.worklet.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: worklet, logLevel: 'warning' });
  // The direct host's render thread, beside the bench script as the package ships it beside the
  // CLI (src/cli/direct-host.ts finds it there; scripts/build-package.mjs builds it the same way).
  await build({ entryPoints: [join(root, 'src/cli/render-thread.ts')], bundle: true, format: 'iife', platform: 'node', target: 'es2022', outfile: join(outDir, 'render-thread.js'), logLevel: 'warning' });
  // The host-floor processor, beside it (bench/node/render.ts FLOOR_BUNDLE).
  await build({ entryPoints: [join(root, 'bench/host-floor.worklet.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: join(outDir, 'host-floor.worklet.js'), logLevel: 'warning' });
  // The three-node reference chain, beside it (bench/node/fake-chain.ts REFERENCE_BUNDLE).
  await build({ entryPoints: [join(root, 'bench/reference.worklet.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: join(outDir, 'reference.worklet.js'), logLevel: 'warning' });
  // The stage-timing processor, beside it too (bench/node/js-speed.ts STAGE_TIMING_BUNDLE).
  await build({ entryPoints: [join(root, 'bench/stage-timing.worklet.ts')], bundle: true, format: 'iife', target: 'es2022', outfile: join(outDir, 'stage-timing.worklet.js'), logLevel: 'warning' });
  await build({
    entryPoints: [join(root, 'bench/node/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: script,
    // esbuild: only the CLI's worklet loader from a source tree imports it (the bench has the worklet built).
    external: ['node-web-audio-api', 'esbuild'],
    // fft.js is CommonJS: give the ESM bundle a require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return { worklet, script };
}

/**
 * Runs `node script ...args` and parses its one JSON line. Kills the child (by its own pid,
 * SIGKILL: a stalled native render ignores SIGTERM) after `limitSeconds`.
 */
export function runChild(script, args, limitSeconds, what, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new StallError(`${what} took longer than ${limitSeconds.toFixed(0)} s: stopped as stalled (node-web-audio-api worklet stall?)`));
    }, limitSeconds * 1000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return;
      if (code !== 0) return reject(new Error(`${what} failed (exit ${code}): ${stderr.trim() || stdout.trim()}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop()));
      } catch {
        reject(new Error(`${what} printed no JSON: ${stdout.trim()} ${stderr.trim()}`));
      }
    });
  });
}

/**
 * Two processes that spin on a core each, for the busy-machine figure; returns a stop
 * function that ends them (by their own pids).
 */
export function spinBothCores() {
  const spinners = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return () => {
    for (const spinner of spinners) spinner.kill('SIGKILL');
  };
}
