/**
 * `headroom curve FILE [--name N] [--sensitivity "110 dB/V"]`: a measured impedance curve file
 * (REW, ARTA/LIMP, DATS .zma or plain `hz, ohms[, degrees]`; src/model/curve-import.ts) as a
 * headphone for a setup, printed as JSON (`> headphone.json`). With --sensitivity it is a
 * complete `headphones[]` entry; without, the sensitivity is left for the user to add (a curve
 * file does not hold it, and a guessed figure would be a wrong level). What the import assumed
 * or changed (a minimum phase, rows left out or thinned) goes to stderr, one line each.
 */
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { CurveImportError, parseImpedanceCurve } from '../model/curve-import.ts';
import { sensitivitySchema } from '../model/setup.ts';
import { CliError } from './cli-error.ts';
import { readTextFile } from './read-text-file.ts';

export interface NoteStream {
  write(text: string): unknown;
}

const SENSITIVITY = /^\s*([+-]?\d+(?:\.\d+)?)\s*(dB\/V|dB\/mW)\s*$/i;

function parseSensitivity(text: string): { value: number; unit: 'dB/V' | 'dB/mW' } {
  const match = SENSITIVITY.exec(text);
  if (!match) throw new CliError(`--sensitivity must be a number and a unit, e.g. "110 dB/V" or "97 dB/mW" (got "${text}")`);
  const unit = match[2]!.toLowerCase() === 'db/v' ? 'dB/V' : 'dB/mW';
  const parsed = sensitivitySchema.safeParse({ value: Number(match[1]), unit });
  if (!parsed.success) throw new CliError(`--sensitivity must be ≥ 60 and ≤ 150 ${unit} (got ${match[1]})`);
  return parsed.data;
}

export async function curveCommand(args: string[], stderr: NoteStream = process.stderr): Promise<string> {
  const { values, positionals } = parseArgs({ args, options: { name: { type: 'string' }, sensitivity: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new CliError('curve needs exactly one curve file (REW, ARTA/LIMP, DATS .zma or "hz, ohms[, degrees]" text); see headroom --help');
  const path = positionals[0]!;
  const name = (values.name ?? basename(path, extname(path))).trim();
  if (name.length < 1 || name.length > 80) throw new CliError(`--name must have 1 to 80 characters (got ${name.length})`);
  const sensitivity = values.sensitivity === undefined ? undefined : parseSensitivity(values.sensitivity);
  const text = await readTextFile(path, 'a curve text file');
  let imported;
  try {
    imported = parseImpedanceCurve(text, path);
  } catch (error) {
    if (error instanceof CurveImportError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
  for (const note of imported.notes) stderr.write(`headroom: ${path}: ${note}\n`);
  if (!sensitivity) stderr.write(`headroom: ${path}: no sensitivity given: add "sensitivity": { "value": …, "unit": "dB/V" or "dB/mW" } (or pass --sensitivity "110 dB/V") before using it in a setup\n`);
  const headphone = sensitivity ? { name, sensitivity, impedance: { curve: CURVE_MARK } } : { name, impedance: { curve: CURVE_MARK } };
  // One point per line: a curve of hundreds of points stays readable.
  const points = imported.curve.map((point) => `      ${JSON.stringify(point)}`).join(',\n');
  return JSON.stringify(headphone, null, 2).replace(JSON.stringify(CURVE_MARK), `[\n${points}\n    ]`);
}

const CURVE_MARK = '\u0000curve';
