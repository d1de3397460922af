/**
 * Spec-sheet solver: from an amp's published power ratings ("220 mW into 16 Ω,
 * 120 mW into 32 Ω") to the figures the setup needs — the rail (maximum EMF,
 * Vrms), the peak current limit, and an output-impedance estimate.
 *
 * Model (the same one the solver and clipping use): an EMF E behind an output
 * impedance Zo, clipping when E reaches its rail or the peak current reaches Ipk.
 * A rating P into R means V = √(P·R) at the load and I = V/R. At each rating one
 * of two limits is the one reached first:
 *   rail-limited:    V = E · R/(R + Zo)      (high-impedance loads: the volts run out)
 *   current-limited: V = (Ipk/√2) · R        (low-impedance loads: the amps run out)
 * Current limiting can only bind at the low-impedance end, so the ratings, sorted by
 * load, split into a current-limited lower part and a rail-limited upper part.
 * Every split is fitted and the one that reproduces the ratings best wins:
 *   rail part: 1/V = 1/E + (Zo/E)·(1/R) is linear in 1/R → least squares for E and Zo
 *   (Zo needs two rail-limited ratings; with one, Zo = 0 is assumed and said so);
 *   current part: Ipk from the geometric mean of √2·I.
 * Splits that fit equally well (within 0.05 dB) are returned as alternatives: two
 * ratings rarely decide between "a little output impedance" and "a current limit".
 * Exact ties (within 1e-6 dB, i.e. rounding) go to the smaller output impedance: amps
 * are designed for a low Zo, and a current limit is the usual reason the power falls
 * short into low loads (JDS Labs O2: 613 mW/32 Ω and 88 mW/600 Ω read as a 22.5 Ω
 * output otherwise, where 0.54 Ω is published).
 */
import { z } from 'zod';
import { formatPath, type ParseResult } from './setup.ts';
import { powerRatioToDb, SQRT2 } from './units.ts';

export interface PowerRating {
  powerMw: number;
  loadOhms: number;
}

const ratingsSchema = z
  .array(
    z.strictObject({
      powerMw: z.number().gt(0).lte(1e6),
      loadOhms: z.number().gt(0).lte(1e5),
    }),
  )
  .min(2)
  .max(12);

export interface RatingFit extends PowerRating {
  loadVoltageVrms: number;
  peakCurrentMa: number;
  limitedBy: 'rail' | 'current';
  /** Power the fitted model gives at this load. */
  predictedPowerMw: number;
}

export interface SpecSheetInterpretation {
  /** Rail (EMF, Vrms); null when no rating is rail-limited (then at least `ratings`' highest load voltage). */
  maxOutputVrms: number | null;
  /** Peak current limit; null when no rating is current-limited. */
  maxOutputCurrentMa: number | null;
  outputImpedanceOhms: number;
  /** False when Zo = 0 was assumed because fewer than two ratings are rail-limited. */
  outputImpedanceFitted: boolean;
  ratings: RatingFit[];
  /** RMS over the ratings of 10·log10(predicted / published power). */
  rmsErrorDb: number;
}

export interface SpecSheetFit extends SpecSheetInterpretation {
  /** Other splits that reproduce the ratings as well (within 0.05 dB RMS). */
  alternatives: SpecSheetInterpretation[];
  /** Set when the ratings follow neither limit well, e.g. a supply that sags under load. */
  warning: string | null;
}

const EQUALLY_GOOD_DB = 0.05;
/** Fits closer than this differ by rounding only. */
const TIE_DB = 1e-6;
/** Above this RMS error the two-limit model does not describe the ratings. */
const POOR_FIT_DB = 0.1;

export function solveSpecSheet(input: unknown): ParseResult<SpecSheetFit> {
  const parsed = ratingsSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const where = formatPath(['ratings', ...issue.path]);
        if (issue.code === 'too_small' || issue.code === 'too_big') {
          if (issue.origin === 'array') return `${where} needs ${issue.code === 'too_small' ? 'at least 2' : 'at most 12'} power ratings (got ${Array.isArray(issue.input) ? issue.input.length : 0})`;
          const op = issue.code === 'too_small' ? '>' : '<=';
          const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
          return `${where} must be ${op} ${String(bound)} (got ${String(issue.input)})`;
        }
        return `${where}: ${issue.message}`;
      }),
    };
  }
  const ratings = [...parsed.data].sort((a, b) => a.loadOhms - b.loadOhms);
  for (let i = 1; i < ratings.length; i++) {
    if (ratings[i]!.loadOhms === ratings[i - 1]!.loadOhms) {
      return { ok: false, errors: [`ratings must name each load once (${ratings[i]!.loadOhms} Ω appears twice)`] };
    }
  }

  const candidates: SpecSheetInterpretation[] = [];
  for (let split = 0; split <= ratings.length; split++) {
    const fit = fitSplit(ratings, split);
    if (fit) candidates.push(fit);
  }
  candidates.sort((a, b) =>
    Math.abs(a.rmsErrorDb - b.rmsErrorDb) < TIE_DB ? a.outputImpedanceOhms - b.outputImpedanceOhms : a.rmsErrorDb - b.rmsErrorDb,
  );
  const [best, ...rest] = candidates;
  if (!best) return { ok: false, errors: ['ratings cannot be explained by a rail and a current limit'] };
  const alternatives = rest.filter((c) => c.rmsErrorDb - best.rmsErrorDb <= EQUALLY_GOOD_DB);
  const warning =
    best.rmsErrorDb > POOR_FIT_DB
      ? `the ratings follow neither a fixed rail nor a fixed current limit (RMS error ${best.rmsErrorDb.toFixed(2)} dB), as with a supply that sags under load; treat the output-impedance estimate as rough`
      : null;
  return { ok: true, value: { ...best, alternatives, warning } };
}

function fitSplit(ratings: readonly PowerRating[], split: number): SpecSheetInterpretation | null {
  const measured = ratings.map((r) => {
    const loadVoltageVrms = Math.sqrt((r.powerMw / 1000) * r.loadOhms);
    return { ...r, loadVoltageVrms, rmsAmps: loadVoltageVrms / r.loadOhms };
  });
  const currentPart = measured.slice(0, split);
  const railPart = measured.slice(split);

  let maxOutputCurrentMa: number | null = null;
  if (currentPart.length > 0) {
    const meanLog = currentPart.reduce((sum, m) => sum + Math.log(SQRT2 * m.rmsAmps * 1000), 0) / currentPart.length;
    maxOutputCurrentMa = Math.exp(meanLog);
  }

  let maxOutputVrms: number | null = null;
  let outputImpedanceOhms = 0;
  let outputImpedanceFitted = false;
  if (railPart.length >= 2) {
    const line = leastSquares(railPart.map((m) => 1 / m.loadOhms), railPart.map((m) => 1 / m.loadVoltageVrms));
    if (line.intercept <= 0) return null;
    // A negative slope would mean a negative Zo: take Zo = 0 (assumed, not fitted) and refit E alone.
    outputImpedanceFitted = line.slope >= 0;
    const intercept = outputImpedanceFitted ? line.intercept : mean(railPart.map((m) => 1 / m.loadVoltageVrms));
    maxOutputVrms = 1 / intercept;
    outputImpedanceOhms = outputImpedanceFitted ? line.slope / intercept : 0;
  } else if (railPart.length === 1) {
    maxOutputVrms = railPart[0]!.loadVoltageVrms;
  }

  // With no rail-limited rating the rail is unknown, but one common rail must be at
  // least the highest voltage published: predict with that lower bound.
  const railForPrediction = maxOutputVrms ?? Math.max(...measured.map((m) => m.loadVoltageVrms));
  const fits: RatingFit[] = measured.map((m, i) => {
    const railVrms = (railForPrediction * m.loadOhms) / (m.loadOhms + outputImpedanceOhms);
    const currentVrms = maxOutputCurrentMa === null ? Infinity : (maxOutputCurrentMa / 1000 / SQRT2) * m.loadOhms;
    const predictedVrms = Math.min(railVrms, currentVrms);
    return {
      powerMw: m.powerMw,
      loadOhms: m.loadOhms,
      loadVoltageVrms: m.loadVoltageVrms,
      peakCurrentMa: SQRT2 * m.rmsAmps * 1000,
      limitedBy: i < split ? 'current' : 'rail',
      predictedPowerMw: ((predictedVrms ** 2) / m.loadOhms) * 1000,
    };
  });
  // A split is only consistent if each rating's own limit is the one reached first.
  const consistent = fits.every((f, i) => {
    const railVrms = maxOutputVrms === null ? Infinity : (maxOutputVrms * f.loadOhms) / (f.loadOhms + outputImpedanceOhms);
    const currentVrms = maxOutputCurrentMa === null ? Infinity : (maxOutputCurrentMa / 1000 / SQRT2) * f.loadOhms;
    return i < split ? currentVrms <= railVrms * (1 + 1e-9) : railVrms <= currentVrms * (1 + 1e-9);
  });
  if (!consistent) return null;
  const rmsErrorDb = Math.sqrt(mean(fits.map((f) => powerRatioToDb(f.predictedPowerMw / f.powerMw) ** 2)));
  return { maxOutputVrms, maxOutputCurrentMa, outputImpedanceOhms, outputImpedanceFitted, ratings: fits, rmsErrorDb };
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function leastSquares(x: readonly number[], y: readonly number[]): { slope: number; intercept: number } {
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i]! - my);
    sxx += (xi - mx) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
