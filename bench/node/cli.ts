/**
 * `node.cliXRealtime`: the bench chain through `headroom render`'s own pipeline, in this
 * process: a float WAV of the bench noise read as a stream, the direct host
 * (src/cli/direct-host.ts), one float WAV per listener written as it renders. Timed from the
 * command's start to its end, after a 1 s warm-up render in the same process (the process's
 * start-up is not part of ×RT, as for the other kinds). bench/run.mjs runs it on a quiet
 * machine and again with two spinning processes keeping both cores busy (`cliXRealtimeBusy`).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeWav, FLOAT_WAV_HEADER_BYTES } from '../../src/audio/engine/wav-export.ts';
import { renderCommand } from '../../src/cli/render-command.ts';
import { fillNoise } from '../graph.ts';
import { benchSetup } from '../setups.ts';
import { SAMPLE_RATE } from './render.ts';

export interface CliRenderResult {
  renderSeconds: number;
  nonFinite: number;
  errors: string[];
}

const quiet = { write: () => true };

async function writeNoiseWav(path: string, seconds: number): Promise<void> {
  const frames = Math.round(seconds * SAMPLE_RATE);
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  fillNoise(left, right);
  await writeFile(path, new Uint8Array(encodeWav([left, right], SAMPLE_RATE)));
}

/** Non-finite samples in a float WAV written by the CLI (after its 58-byte header; copied to align the floats). */
function countNonFinite(bytes: Uint8Array): number {
  let bad = 0;
  for (const x of new Float32Array(new Uint8Array(bytes.subarray(FLOAT_WAV_HEADER_BYTES)).buffer)) if (!Number.isFinite(x)) bad++;
  return bad;
}

export async function renderCli(seconds: number, workDir: string): Promise<CliRenderResult> {
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const setup = join(workDir, 'bench-chain.json');
  await writeFile(setup, JSON.stringify(benchSetup()));
  await writeNoiseWav(join(workDir, 'warm-up.wav'), 1);
  await writeNoiseWav(join(workDir, 'input.wav'), seconds);
  await renderCommand([setup, join(workDir, 'warm-up.wav'), '-o', join(workDir, 'warm-up'), '--quiet'], quiet);
  const started = performance.now();
  await renderCommand([setup, join(workDir, 'input.wav'), '-o', join(workDir, 'out'), '--quiet'], quiet);
  const renderSeconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(await readFile(join(workDir, 'out', 'summary.json'), 'utf8')) as { listeners: { file: string }[] };
  let nonFinite = 0;
  for (const listener of summary.listeners) nonFinite += countNonFinite(await readFile(join(workDir, 'out', listener.file)));
  await rm(workDir, { recursive: true, force: true });
  return { renderSeconds, nonFinite, errors: [] };
}
