/**
 * Measured impedance curves from the text files measurement programs write, as a setup's
 * `impedance.curve` (pure: text in, points or an error out; src/cli/curve-command.ts and the
 * app read the file).
 *
 * Accepted, as the programs describe their text formats:
 *  - REW (Room EQ Wizard) "Export measurement as text" for an impedance measurement: comment
 *    lines starting with `*`, then `freq, |Z|, phase` rows; delimiter comma, tab, space or
 *    semicolon (REW help, "Importing Measurement Data", and the export dialog's delimiter choice);
 *  - ARTA / LIMP ASCII exports: a text header, then tab- or space-separated
 *    `frequency  magnitude  phase` rows (ARTA LIMP user manual, "Export" menu);
 *  - Dayton Audio DATS `.zma`: `frequency ohms phase` rows, optionally under `*` comment lines
 *    (the .zma layout REW's import also reads);
 *  - plain `hz, ohms[, degrees]` with `#`, `*`, `;` or `//` comments, tabs, spaces or commas.
 * Text before the first row of numbers (titles, column headers) is skipped; a row that is not
 * numbers after the data has started is an error naming its line. A decimal comma is read when
 * the fields are separated by semicolons or tabs (European exports).
 *
 * Every point must satisfy the setup's ranges (setup.ts): 1 Hz ≤ f ≤ 100 kHz and rising,
 * 0 < |Z| ≤ 1 MΩ, −90° < phase < +90°. Rows outside the frequency range are left out and the
 * result says so; any other bad value is an error naming the line and the field with its range.
 * Without a phase column the phase is the minimum phase of |Z| (minimum-phase.ts), and the
 * result says so. More than MAX_POINTS rows are thinned to MAX_POINTS (the setup's limit),
 * evenly in log frequency, and the result says so.
 */
import { minimumPhaseDeg } from './minimum-phase.ts';

export const MAX_POINTS = 2000;
const MIN_HZ = 1;
const MAX_HZ = 100_000;
const MAX_OHMS = 1e6;

export type CurveFormat = 'rew' | 'arta-limp' | 'dats' | 'plain';

export interface ImportedCurve {
  format: CurveFormat;
  curve: [hz: number, ohms: number, degrees: number][];
  /** 'measured' from the file's phase column, or computed from |Z| (minimum phase). */
  phase: 'measured' | 'minimum-phase';
  /** What the import changed or assumed, in plain words (empty when nothing). */
  notes: string[];
}

export class CurveImportError extends Error {
  override readonly name = 'CurveImportError';
}

const COMMENT = /^\s*(\*|#|;|\/\/)/;

/** The row's fields, or null when the line is not a row of numbers. */
function fields(line: string): number[] | null {
  const trimmed = line.trim();
  if (trimmed === '') return null;
  let parts: string[];
  if (trimmed.includes(';')) parts = trimmed.split(';').map((p) => p.replace(',', '.'));
  else if (trimmed.includes('\t')) parts = trimmed.split('\t').map((p) => p.replace(',', '.'));
  else if (trimmed.includes(',')) parts = trimmed.split(',');
  else parts = trimmed.split(/\s+/);
  parts = parts.map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const numbers = parts.map((p) => (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(p) ? Number(p) : NaN));
  return numbers.every(Number.isFinite) ? numbers : null;
}

function detectFormat(text: string, fileName: string | undefined): CurveFormat {
  const head = text.slice(0, 2000);
  if (/\bREW\b|Room EQ Wizard/i.test(head)) return 'rew';
  if (/\bLIMP\b|\bARTA\b/.test(head)) return 'arta-limp';
  if (/\bDATS\b/i.test(head) || /\.zma$/i.test(fileName ?? '')) return 'dats';
  return 'plain';
}

const show = (value: number): string => String(Number(value.toPrecision(10)));

/** Reads a curve file's text; `fileName` (optional) helps to name the format. */
export function parseImpedanceCurve(text: string, fileName?: string): ImportedCurve {
  const lines = text.split(/\r\n|\r|\n/);
  const rows: { line: number; values: number[] }[] = [];
  let started = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (COMMENT.test(raw) || raw.trim() === '') return;
    const values = fields(raw);
    if (values === null) {
      // Titles and column headers come before the data; text among the rows is an error.
      if (!started) return;
      throw new CurveImportError(`line ${line}: expected numbers "frequency (Hz), |Z| (Ω)[, phase (°)]", got "${raw.trim().slice(0, 60)}"`);
    }
    if (values.length < 2 || values.length > 3) {
      throw new CurveImportError(`line ${line}: expected 2 or 3 numbers (frequency in Hz, |Z| in Ω, optionally phase in degrees), got ${values.length}`);
    }
    started = true;
    rows.push({ line, values });
  });
  if (rows.length === 0) throw new CurveImportError('no rows of numbers found: expected lines of "frequency (Hz), |Z| (Ω)[, phase (°)]"');
  const withPhase = rows[0]!.values.length === 3;
  for (const { line, values } of rows) {
    if ((values.length === 3) !== withPhase) {
      throw new CurveImportError(`line ${line}: has ${values.length} numbers but line ${rows[0]!.line} has ${rows[0]!.values.length}; every row needs the same columns`);
    }
  }

  const notes: string[] = [];
  const kept = rows.filter(({ values }) => values[0]! >= MIN_HZ && values[0]! <= MAX_HZ);
  if (kept.length < rows.length) {
    const left = rows.filter((row) => !kept.includes(row));
    notes.push(`left out ${left.length} row${left.length === 1 ? '' : 's'} outside ${MIN_HZ} Hz–${MAX_HZ / 1000} kHz (line${left.length === 1 ? '' : 's'} ${left.slice(0, 5).map((r) => r.line).join(', ')}${left.length > 5 ? ', …' : ''})`);
  }
  if (kept.length < 2) throw new CurveImportError(`only ${kept.length} row${kept.length === 1 ? '' : 's'} between ${MIN_HZ} Hz and ${MAX_HZ / 1000} kHz; a curve needs at least 2`);
  kept.forEach(({ line, values }, i) => {
    const [hz, ohms, degrees] = values as [number, number, number?];
    if (i > 0 && !(hz > kept[i - 1]!.values[0]!)) {
      throw new CurveImportError(`line ${line}: frequency must be > ${show(kept[i - 1]!.values[0]!)} Hz, the previous row's (got ${show(hz)}); rows go in rising frequency`);
    }
    if (!(ohms > 0 && ohms <= MAX_OHMS)) throw new CurveImportError(`line ${line}: |Z| must be > 0 Ω and ≤ 1000000 Ω (got ${show(ohms)})`);
    if (degrees !== undefined && !(degrees > -90 && degrees < 90)) {
      throw new CurveImportError(`line ${line}: phase must be > −90° and < +90° (got ${show(degrees)}); a headphone is neither a pure inductor nor a pure capacitor`);
    }
  });

  const thinned = thin(kept.map((row) => row.values));
  if (thinned.length < kept.length) notes.push(`thinned ${kept.length} rows to ${thinned.length}, evenly in log frequency (a setup holds at most ${MAX_POINTS} points)`);
  const hz = thinned.map((v) => v[0]!);
  const ohms = thinned.map((v) => v[1]!);
  let degrees: number[];
  if (withPhase) degrees = thinned.map((v) => v[2]!);
  else {
    // To 0.001°: far finer than the method's accuracy (docs/model.md), and a readable file.
    degrees = minimumPhaseDeg(hz, ohms).map((value) => Math.round(value * 1000) / 1000);
    notes.push('the file has no phase: the phase is the minimum phase of |Z| (an impedance is a minimum-phase function), with |Z| held below the first point and rising as R + jωL above the last');
  }
  return {
    format: detectFormat(text, fileName),
    curve: hz.map((f, i) => [f, ohms[i]!, degrees[i]!]),
    phase: withPhase ? 'measured' : 'minimum-phase',
    notes,
  };
}

/** At most MAX_POINTS rows: the row nearest each of MAX_POINTS log-spaced frequencies, first and last kept. */
function thin(rows: number[][]): number[][] {
  if (rows.length <= MAX_POINTS) return rows;
  const lnFirst = Math.log(rows[0]![0]!);
  const lnLast = Math.log(rows[rows.length - 1]![0]!);
  const picked: number[][] = [];
  let j = 0;
  for (let k = 0; k < MAX_POINTS; k++) {
    const target = lnFirst + ((lnLast - lnFirst) * k) / (MAX_POINTS - 1);
    while (j + 1 < rows.length && Math.abs(Math.log(rows[j + 1]![0]!) - target) <= Math.abs(Math.log(rows[j]![0]!) - target)) j++;
    if (picked[picked.length - 1] !== rows[j]) picked.push(rows[j]!);
  }
  return picked;
}
