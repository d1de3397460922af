/**
 * `headroom render <setup.json> <input.wav> -o <dir> [--calibration-db-spl 120] [--ab <setupB.json>]`
 * (or `--preset <id>` instead of the setup file): the input through the same processors
 * as the browser, one 32-bit float WAV per listener plus summary.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { findPreset, presets } from '../model/catalog/presets.ts';
import { compile, DEFAULT_CALIBRATION_DB_SPL } from '../model/compile.ts';
import type { Setup } from '../model/setup.ts';
import { CliError } from './cli-error.ts';
import { loadSetupFile } from './load-setup.ts';
import { listenerFileName } from './render-files.ts';
import { measureLevels, type Levels } from './render-levels.ts';
import { renderOffline } from './render-offline.ts';
import { createProgress, type ProgressStream } from './render-progress.ts';
import { readWavFile, type DecodedAudio } from './wav-read.ts';
import { writeFloatWav } from './wav-write.ts';

export const RENDER_SUMMARY_FORMAT = 'headroom/render-summary@1';

export interface ListenerSummary extends Levels {
  name: string;
  /** Relative to the output directory. */
  file: string;
  /** Base-rate samples clipped on the way to this listener (source, amp and its own jack), from the processors' meters. */
  clipCount: number;
}

interface ChainSummary {
  setup: string;
  listeners: ListenerSummary[];
  latencySamples: number;
  renderSeconds: number;
}

interface Chain {
  label: 'a' | 'b' | null;
  origin: string;
  setup: Setup;
}

/** Calibration outside this range is almost certainly a typo (dB SPL of a 0 dBFS sine). */
const CALIBRATION_RANGE = [40, 200] as const;

export async function renderCommand(args: string[], stderr: ProgressStream = process.stderr): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      output: { type: 'string', short: 'o' },
      'calibration-db-spl': { type: 'string' },
      ab: { type: 'string' },
      preset: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const wanted = values.preset === undefined ? 2 : 1;
  if (positionals.length !== wanted) {
    throw new CliError(
      values.preset === undefined
        ? 'render needs a setup file and an input WAV (or --preset <id> and an input WAV); see headroom --help'
        : 'render with --preset takes only the input WAV; see headroom --help',
    );
  }
  if (values.output === undefined) throw new CliError('render needs an output directory: -o <dir>');
  const calibrationDbSpl = parseCalibration(values['calibration-db-spl']);

  const chains: Chain[] = [];
  const first = values.preset === undefined ? await fromFile(positionals[0]!) : fromPreset(values.preset);
  chains.push({ ...first, label: values.ab === undefined ? null : 'a' });
  if (values.ab !== undefined) chains.push({ ...(await fromFile(values.ab)), label: 'b' });
  const inputPath = positionals[positionals.length - 1]!;
  const audio = await readWavFile(inputPath);
  const plans = chains.map((chain) => planFor(chain, audio, calibrationDbSpl));

  const outputDir = values.output;
  const summaries: ChainSummary[] = [];
  for (const [k, chain] of chains.entries()) {
    summaries.push(await renderChain(chain, plans[k]!, audio, outputDir, stderr));
  }

  const frames = audio.channels[0]!.length;
  const summary = {
    format: RENDER_SUMMARY_FORMAT,
    calibrationDbSpl,
    levels: 'levelDbfs is RMS re a full-scale sine (AES17), peakDbfs the sample peak; a 0 dBFS sine stands for calibrationDbSpl',
    input: { file: inputPath, sampleRateHz: audio.sampleRateHz, channels: audio.channels.length, frames, seconds: frames / audio.sampleRateHz, format: audio.format },
    ...(chains.length === 1 ? summaries[0]! : { a: summaries[0]!, b: summaries[1]! }),
  };
  await writeFile(join(outputDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return formatRenderResult(chains, summaries, outputDir);
}

function parseCalibration(text: string | undefined): number {
  if (text === undefined) return DEFAULT_CALIBRATION_DB_SPL;
  const value = Number(text);
  const [low, high] = CALIBRATION_RANGE;
  if (text.trim() === '' || !Number.isFinite(value) || value < low || value > high) {
    throw new CliError(`--calibration-db-spl must be a number from ${low} to ${high} (got ${JSON.stringify(text)})`);
  }
  return value;
}

async function fromFile(path: string): Promise<Omit<Chain, 'label'>> {
  return { origin: path, setup: await loadSetupFile(path) };
}

function fromPreset(id: string): Omit<Chain, 'label'> {
  const preset = findPreset(id);
  if (!preset) throw new CliError(`unknown preset "${id}"; choose one of: ${presets.map((p) => p.id).join(', ')}`);
  return { origin: `preset:${id}`, setup: preset.setup };
}

function planFor(chain: Chain, audio: DecodedAudio, calibrationDbSpl: number) {
  try {
    return compile(chain.setup, audio.sampleRateHz, { calibrationDbSpl });
  } catch (error) {
    // The model refuses what it cannot render exactly (e.g. an impedance curve): a user error.
    throw new CliError(`${chain.origin}: cannot render this setup: ${(error as Error).message}`);
  }
}

async function renderChain(chain: Chain, plan: ReturnType<typeof compile>, audio: DecodedAudio, outputDir: string, stderr: ProgressStream): Promise<ChainSummary> {
  const seconds = audio.channels[0]!.length / audio.sampleRateHz;
  const progress = createProgress(stderr, `rendering ${chain.label ?? chain.origin}`, seconds);
  const result = await renderOffline({ plan, channels: audio.channels, onProgress: (f) => progress.update(f) });
  progress.done(`${seconds.toFixed(1)} s of audio in ${result.renderSeconds.toFixed(1)} s (${(seconds / result.renderSeconds).toFixed(1)}x real time)`);

  const dir = chain.label === null ? outputDir : join(outputDir, chain.label);
  await mkdir(dir, { recursive: true });
  const listeners: ListenerSummary[] = [];
  for (const [i, channels] of result.listeners.entries()) {
    const name = plan.listeners[i]!.name;
    const fileName = listenerFileName(i, name);
    await writeFloatWav(join(dir, fileName), channels, audio.sampleRateHz);
    listeners.push({ name, file: chain.label === null ? fileName : `${chain.label}/${fileName}`, ...measureLevels(channels), clipCount: result.clipCounts[i]! });
  }
  return { setup: chain.origin, listeners, latencySamples: result.latencySamples, renderSeconds: result.renderSeconds };
}

function formatRenderResult(chains: Chain[], summaries: ChainSummary[], outputDir: string): string {
  const db = (value: number | null) => (value === null ? 'silent' : `${value.toFixed(1)} dBFS`);
  const lines: string[] = [];
  summaries.forEach((summary, k) => {
    if (chains[k]!.label !== null) lines.push(`${chains[k]!.label!.toUpperCase()}: ${summary.setup}`);
    for (const l of summary.listeners) {
      lines.push(`  ${join(outputDir, l.file)}  level ${db(l.levelDbfs)}, peak ${db(l.peakDbfs)}, ${l.clipCount} clipped samples`);
    }
  });
  lines.push(`Summary: ${join(outputDir, 'summary.json')}`);
  return lines.join('\n');
}
