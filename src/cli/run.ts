/**
 * The commands: `headroom report <setup.json> [--json]`, `headroom report --preset <id>`,
 * `headroom render …` (render-command.ts), `headroom presets`, `headroom --help`.
 * Pure of process I/O: main.ts prints the result and maps errors to exit codes.
 */
import { parseArgs } from 'node:util';
import { findPreset, presets } from '../model/catalog/presets.ts';
import { buildReport } from '../model/report.ts';
import type { Setup } from '../model/setup.ts';
import { CliError } from './cli-error.ts';
import { formatReport } from './format-report.ts';
import { loadSetupFile } from './load-setup.ts';
import { renderCommand } from './render-command.ts';

export const USAGE = `headroom - hear what output impedance, amps and splitters do

Usage:
  headroom report <setup.json> [--json]   report for a headroom/setup@1 or @2 file
  headroom report --preset <id> [--json]  report for a built-in preset
  headroom render <setup.json> <input.wav> -o <dir> [--calibration-db-spl 120] [--ab <setupB.json>]
  headroom render --preset <id> <input.wav> -o <dir> [...]
                                          the input through the chain's processors: one
                                          32-bit float WAV per listener, plus summary.json
          [--quiet] [--host direct|web-audio]
                                          no progress; node-web-audio-api instead of the
                                          processors run directly (optional package)
  headroom presets [--json]               list the built-in presets
  headroom --help                         this help

Reports give, per listener at 1 kHz: voltage, power, SPL, change versus the same
headphone alone, max clean SPL, headroom and the response deviation from 20 Hz to
20 kHz; then the clipping point and what limits it. --json prints headroom/report@1.
A headroom/setup@2 file may add an input section (instrument, microphone, latency);
its report, headroom/report@2, adds the pickup's resonance, peak and -3 dB point, the
microphone channel's noise floor, dynamic range and clipping SPL, and the round-trip
and monitoring latency.
Renders are acoustic: a 0 dBFS sine in an output file stands for --calibration-db-spl
(default 120 dB SPL). Input: WAV, 8-32 bit integer or 32/64-bit float, mono or stereo,
8-384 kHz, up to 12 hours; a file, a pipe or - for stdin. Outputs are at the input's
rate, under a/ and b/ with --ab; renders over 2 s show progress on stderr.
Exit status: 0 on success, 2 on any failure (one line on stderr).`;

async function report(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, preset: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  let setup: Setup;
  let title: string | undefined;
  if (values.preset !== undefined) {
    if (positionals.length > 0) throw new CliError('report takes either a setup file or --preset, not both');
    const preset = findPreset(values.preset);
    if (!preset) throw new CliError(`unknown preset "${values.preset}"; choose one of: ${presets.map((p) => p.id).join(', ')}`);
    setup = preset.setup;
    title = `${preset.title} (${preset.id}): ${preset.story}`;
  } else {
    if (positionals.length !== 1) throw new CliError('report needs exactly one setup file (or --preset <id>); see headroom --help');
    setup = await loadSetupFile(positionals[0]!);
  }
  const result = buildReport(setup);
  return values.json ? JSON.stringify(result, null, 2) : formatReport(setup, result, title);
}

function listPresets(args: string[]): string {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  if (values.json) return JSON.stringify(presets.map(({ id, title, story }) => ({ id, title, story })), null, 2);
  const width = Math.max(...presets.map((p) => p.id.length));
  return presets.map((p) => `${p.id.padEnd(width)}  ${p.title}: ${p.story}`).join('\n');
}

export async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      return USAGE;
    case 'report':
      return report(rest);
    case 'render':
      return renderCommand(rest);
    case 'presets':
      return listPresets(rest);
    default:
      throw new CliError(`unknown command "${command}"; expected report, render or presets (see headroom --help)`);
  }
}
