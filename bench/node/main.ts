/**
 * The Node side of `npm run bench`, one measurement per process (bench/run.mjs bundles this
 * file with esbuild, runs it, and kills it if it stalls). Prints one JSON line on stdout.
 *
 *   node bench-node.mjs render <chain|ab|native> <seconds> <worklet.js>
 *   node bench-node.mjs alias <worklet.js>
 *   node bench-node.mjs alloc <worklet.js>
 *   node bench-node.mjs profile <worklet.js>
 *   node bench-node.mjs js-speed <worklet.js>
 *   node bench-node.mjs cli <seconds> <work-dir>
 */
import { BENCH_KINDS, type BenchKind } from '../graph.ts';
import { measureAlias } from './alias.ts';
import { renderCli } from './cli.ts';
import { countAllocatingCalls } from './alloc.ts';
import { measureJsSpeed } from './js-speed.ts';
import { profileProcessors } from './profile.ts';
import { renderInNode } from './render.ts';

async function main(args: string[]): Promise<unknown> {
  const [mode, ...rest] = args;
  if (mode === 'render') {
    const [kind, seconds, worklet] = rest;
    if (!BENCH_KINDS.includes(kind as BenchKind) || !(Number(seconds) > 0) || !worklet) throw new Error(`usage: render <${BENCH_KINDS.join('|')}> <seconds> <worklet.js>`);
    return renderInNode(kind as BenchKind, Number(seconds), worklet);
  }
  if (mode === 'cli' && Number(rest[0]) > 0 && rest[1]) return renderCli(Number(rest[0]), rest[1]);
  if (mode === 'alias' && rest[0]) return measureAlias(rest[0]);
  if (mode === 'alloc' && rest[0]) return countAllocatingCalls(rest[0]);
  if (mode === 'profile' && rest[0]) return profileProcessors(rest[0]);
  if (mode === 'js-speed' && rest[0]) return measureJsSpeed(rest[0]);
  throw new Error('usage: render <kind> <seconds> <worklet.js> | cli <seconds> <work-dir> | alias <worklet.js> | alloc <worklet.js> | profile <worklet.js> | js-speed <worklet.js>');
}

main(process.argv.slice(2)).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    // node-web-audio-api keeps worker threads alive; the answer is out, so leave.
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
