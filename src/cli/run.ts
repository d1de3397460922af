/**
 * The commands: `headroom report <setup.json> [--json]`, `headroom report --preset <id>`,
 * `headroom render …` (render-command.ts), `headroom presets`, `headroom --help`.
 * Pure of process I/O: main.ts prints the result and maps errors to exit codes.
 */
import { parseArgs } from 'node:util';
import { findPreset, presets } from '../model/catalog/presets.ts';
import { DEFAULT_TARGET_SPL_DB, TARGET_SPL_RANGE } from '../model/advice.ts';
import { buildReport, reportInFormat } from '../model/report.ts';
import { REPORT_FORMATS, REPORT_FORMAT_V3, type ReportFormat } from '../model/report-contract.ts';
import type { Setup } from '../model/setup.ts';
import { CliError } from './cli-error.ts';
import { curveCommand } from './curve-command.ts';
import { formatReport } from './format-report.ts';
import { loadSetupFile } from './load-setup.ts';
import { renderCommand } from './render-command.ts';

export const USAGE = `headroom - hear what output impedance, amps and splitters do

Usage:
  headroom report <setup.json> [--json]   report for a headroom/setup@1 or @2 file
  headroom report --preset <id> [--json]  report for a built-in preset
      [--target-spl 110]                  the peak SPL each listener wants clean (60-130)
      [--report-format headroom/report@3] with --json: @3 (default), or @1/@2 for old readers
  headroom render <setup.json> <input.wav> -o <dir> [--calibration-db-spl 120] [--ab <setupB.json>]
  headroom render --preset <id> <input.wav> -o <dir> [...]
                                          the input through the chain's processors: one
                                          32-bit float WAV per listener, plus summary.json
          [--quiet] [--host direct|web-audio]
                                          no progress; node-web-audio-api instead of the
                                          processors run directly (optional package)
  headroom presets [--json]               list the built-in presets
  headroom curve <file> [--name N] [--sensitivity "110 dB/V"] > headphone.json
                                          a measured impedance curve (REW, ARTA/LIMP, DATS
                                          .zma or "hz, ohms[, degrees]") as a headphone
  headroom catalog [--kind headphones|sources|amps|splitters] [--search TEXT] [--json]
                                          the gear catalog: id, name, kind and key figures;
                                          --json gives each part as it goes into a setup,
                                          with the citation of every figure
  headroom --help                         this help

Reports give, per listener at 1 kHz: voltage, power, SPL, change versus the same
headphone alone, max clean SPL, headroom and the response deviation from 20 Hz to
20 kHz; then the clipping point and what limits it; then the model's advice: "fine",
or each reason to improve (too little voltage or current for the target, an output
impedance that moves the response more than 1 dB, a shared output that costs more
than 1 dB) with what fixes it. --json prints headroom/report@3.
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
    options: {
      json: { type: 'boolean', default: false },
      preset: { type: 'string' },
      'target-spl': { type: 'string' },
      'report-format': { type: 'string' },
    },
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
  const result = buildReport(setup, { targetSplDb: targetSplOption(values['target-spl']) });
  const format = reportFormatOption(values['report-format'], values.json);
  if (!values.json) return formatReport(setup, result, title);
  const written = reportInFormat(result, format);
  if (!written.ok) throw new CliError(`--report-format: ${written.errors.join('; ')}`);
  return JSON.stringify(written.value, null, 2);
}

function targetSplOption(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TARGET_SPL_DB;
  const { min, max } = TARGET_SPL_RANGE;
  const value = /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) throw new CliError(`--target-spl must be a number of dB SPL from ${min} to ${max} (got ${JSON.stringify(text)})`);
  return value;
}

function reportFormatOption(text: string | undefined, json: boolean): ReportFormat {
  if (text === undefined) return REPORT_FORMAT_V3;
  if (!json) throw new CliError('--report-format chooses the JSON document: add --json');
  const format = REPORT_FORMATS.find((f) => f === text);
  if (!format) throw new CliError(`--report-format must be one of ${REPORT_FORMATS.join(', ')} (got ${JSON.stringify(text)})`);
  return format;
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
    case 'curve':
      return curveCommand(rest);
    case 'catalog':
      // Loaded only for this command: the whole catalog is a few hundred cited entries.
      return (await import('./catalog-command.ts')).catalogCommand(rest);
    default:
      throw new CliError(`unknown command "${command}"; expected report, render, presets, curve or catalog (see headroom --help)`);
  }
}
