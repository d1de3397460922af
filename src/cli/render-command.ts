/**
 * `headroom render <setup.json> <input.wav> -o <dir> [--calibration-db-spl 120] [--ab <setupB.json>]
 *  [--host direct|web-audio] [--quiet]` (or `--preset <id>` instead of the setup file): the input
 * through the same processors as the browser, one 32-bit float WAV per listener plus summary.json.
 *
 * Everything that can be checked is checked before anything renders: the setups, the input's
 * header, the plans, and the output folder. The render then streams: the input is read, run
 * through the chain and written a chunk at a time (src/audio/offline/chain-renderer.ts with
 * the direct host, src/cli/direct-host.ts), so memory stays flat however long the input.
 * Output files are written under `.partial` names and renamed when complete; a failed render
 * removes them and any folder it created.
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ChainRenderError, ChainStalledError, renderChain, type ChainHost } from '../audio/offline/chain-renderer.ts';
import { CHANNELS } from '../audio/processor-contract.ts';
import { findPreset, presets } from '../model/catalog/presets.ts';
import { compile, DEFAULT_CALIBRATION_DB_SPL, type Plan } from '../model/compile.ts';
import type { Setup } from '../model/setup.ts';
import { CliError } from './cli-error.ts';
import { directHost } from './direct-host.ts';
import { loadSetupFile } from './load-setup.ts';
import { prepareOutputDir, type OutputDir } from './output-dir.ts';
import { listenerFileName } from './render-files.ts';
import type { Levels } from './render-levels.ts';
import { createProgress, type ProgressStream } from './render-progress.ts';
import { openWav, type WavInput } from './wav-input.ts';
import { WavOutput } from './wav-output.ts';
import { nodeWebAudioHost } from './web-audio-host.ts';

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
const HOSTS = ['direct', 'web-audio'] as const;
type HostName = (typeof HOSTS)[number];
/** node-web-audio-api renders the whole input in memory: about 50 MB per minute for two stereo listeners. */
const WEB_AUDIO_MAX_MINUTES = 20;

export async function renderCommand(args: string[], stderr: ProgressStream = process.stderr): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      output: { type: 'string', short: 'o' },
      'calibration-db-spl': { type: 'string' },
      ab: { type: 'string' },
      preset: { type: 'string' },
      host: { type: 'string', default: 'direct' },
      quiet: { type: 'boolean', short: 'q', default: false },
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
  const hostName = values.host as HostName;
  if (!HOSTS.includes(hostName)) throw new CliError(`--host must be ${HOSTS.map((h) => `"${h}"`).join(' or ')} (got ${JSON.stringify(values.host)})`);

  const chains: Chain[] = [];
  const first = values.preset === undefined ? await fromFile(positionals[0]!) : fromPreset(values.preset);
  chains.push({ ...first, label: values.ab === undefined ? null : 'a' });
  if (values.ab !== undefined) chains.push({ ...(await fromFile(values.ab)), label: 'b' });
  const inputPath = positionals[positionals.length - 1]!;

  // The input's header, the plans and the output folder, all before anything renders.
  const probe = await openWav(inputPath);
  const { sampleRateHz, channelCount, frames, format } = probe;
  const seconds = frames / sampleRateHz;
  let plans: Plan[];
  let output: OutputDir;
  let host: ChainHost;
  try {
    if (chains.length > 1 && !probe.isFile) throw new CliError(`${inputPath}: --ab reads the input once per chain; give a file, not a pipe or a device`);
    if (hostName === 'web-audio' && seconds > WEB_AUDIO_MAX_MINUTES * 60) {
      throw new CliError(`--host web-audio holds the whole render in memory and takes at most ${WEB_AUDIO_MAX_MINUTES} minutes of audio (this input is ${(seconds / 60).toFixed(1)}); the default host renders any length`);
    }
    plans = chains.map((chain) => planFor(chain, sampleRateHz, calibrationDbSpl));
    host = hostName === 'direct' ? directHost() : await nodeWebAudioHost();
    output = await prepareOutputDir(values.output, chains.length > 1 ? chains.map((c) => c.label!) : []);
  } catch (error) {
    await probe.close();
    throw error;
  }

  const summaries: ChainSummary[] = [];
  // Ctrl-C stops the render between chunks, and the cleanup below removes what it wrote.
  const interrupted = new AbortController();
  const onInterrupt = () => interrupted.abort();
  process.once('SIGINT', onInterrupt);
  process.once('SIGTERM', onInterrupt);
  try {
    for (const [k, chain] of chains.entries()) {
      const input = k === 0 ? probe : await openWav(inputPath);
      try {
        summaries.push(await renderOne(host, chain, plans[k]!, input, output.path, stderr, values.quiet, interrupted.signal));
      } finally {
        await input.close();
      }
    }
    const summary = {
      format: RENDER_SUMMARY_FORMAT,
      calibrationDbSpl,
      levels: 'levelDbfs is RMS re a full-scale sine (AES17), peakDbfs the sample peak; a 0 dBFS sine stands for calibrationDbSpl',
      input: { file: inputPath, sampleRateHz, channels: channelCount, frames, seconds, format },
      host: hostName,
      ...(chains.length === 1 ? summaries[0]! : { a: summaries[0]!, b: summaries[1]! }),
    };
    const summaryPath = join(output.path, 'summary.json');
    await writeFile(`${summaryPath}.partial`, `${JSON.stringify(summary, null, 2)}\n`);
    await rename(`${summaryPath}.partial`, summaryPath);
  } catch (error) {
    await output.removeCreated();
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
  return formatRenderResult(chains, summaries, output.path);
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
  if (!preset) throw new CliError(`unknown preset ${JSON.stringify(id)}; choose one of: ${presets.map((p) => p.id).join(', ')}`);
  return { origin: `preset:${id}`, setup: preset.setup };
}

function planFor(chain: Chain, sampleRateHz: number, calibrationDbSpl: number): Plan {
  try {
    return compile(chain.setup, sampleRateHz, { calibrationDbSpl });
  } catch (error) {
    // The model refuses what it cannot render exactly (e.g. an impedance curve): a user error.
    throw new CliError(`${chain.origin}: cannot render this setup: ${(error as Error).message}`);
  }
}

async function renderOne(
  host: ChainHost,
  chain: Chain,
  plan: Plan,
  input: WavInput,
  outputDir: string,
  stderr: ProgressStream,
  quiet: boolean,
  signal: AbortSignal,
): Promise<ChainSummary> {
  const seconds = input.frames / input.sampleRateHz;
  const dir = chain.label === null ? outputDir : join(outputDir, chain.label);
  const files = plan.listeners.map((listener, i) => listenerFileName(i, listener.name));
  const outputs = files.map((file) => new WavOutput(join(dir, file), CHANNELS, input.sampleRateHz, input.frames));
  const progress = createProgress(stderr, `rendering ${chain.label ?? chain.origin}`, seconds, { quiet });
  try {
    for (const out of outputs) await out.open();
    const result = await renderChain(host, {
      plan,
      frames: input.frames,
      input,
      output: {
        async write(listeners, count) {
          for (const [i, channels] of listeners.entries()) await outputs[i]!.write(channels, count);
        },
      },
      onProgress: (fraction) => progress.update(fraction),
      signal,
    });
    for (const out of outputs) await out.finish();
    progress.done(`${seconds.toFixed(1)} s of audio in ${result.renderSeconds.toFixed(1)} s (${(seconds / result.renderSeconds).toFixed(1)}x real time)`);
    return {
      setup: chain.origin,
      listeners: plan.listeners.map((listener, i) => ({
        name: listener.name,
        file: chain.label === null ? files[i]! : `${chain.label}/${files[i]!}`,
        ...outputs[i]!.meter.levels(),
        clipCount: result.clipCounts[i]!,
      })),
      latencySamples: result.latencySamples,
      renderSeconds: result.renderSeconds,
    };
  } catch (error) {
    progress.abandon();
    for (const out of outputs) await out.discard();
    if (error instanceof ChainRenderError || error instanceof ChainStalledError) {
      throw new CliError(`${chain.origin}: cannot render: ${error.message}`);
    }
    throw error;
  }
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
