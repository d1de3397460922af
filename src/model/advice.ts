/**
 * The answer for a listener deciding on an amp: per listener, "fine" or the reasons to
 * improve, each with what would fix it (docs/model.md, chapter 13, gives the rules and the
 * reasons for each threshold):
 *
 *   level             maxCleanSplDb < target: "current" when a current limit is met first,
 *                     else "voltage" (a rail, or the source's full scale);
 *   output-impedance  response max − min over 20 Hz–20 kHz > 1.0 dB;
 *   shared-output     a shared output (passive splitter or one amp stage) costs > 1.0 dB;
 *   noise             the hiss is audible in a quiet room (report@3's hissAudible).
 *
 * Pure: it reads the report's own figures and asks the solver, the clipping limits and the
 * 1/8 rule for the numbers each fix names. The UI and the CLI show its text as it is.
 */
import { abs } from './complex.ts';
import { sensitivityDbPerVolt, voltageForSplVrms } from './acoustics.ts';
import { chainLimits, firstLimit, maxCleanSignalDbfs, type Limit } from './clipping.ts';
import { hissVerdict } from './gear-figures.ts';
import { drivingStage, eighthRule } from './matching.ts';
import type { Advice, AdviceReason, LevelReason, ListenerGearFigures, ListenerReportV1, NoiseReason, OutputImpedanceReason, SharedOutputReason } from './report-contract.ts';
import type { Setup } from './setup.ts';
import type { ChainSolution } from './solver.ts';
import { dbToVoltageRatio, SQRT2 } from './units.ts';

/** Loud music peaking about 20 dB over a 90 dB SPL average (chapter 13). */
export const DEFAULT_TARGET_SPL_DB = 110;
/** Targets the advice accepts: from quiet listening to the threshold of pain. */
export const TARGET_SPL_RANGE = { min: 60, max: 130 } as const;
/** A broad response change above this is audible with music (chapter 13). */
export const RESPONSE_DEVIATION_LIMIT_DB = 1.0;
/** A level loss above this is about one just-noticeable difference (chapter 13). */
export const SHARED_LOSS_LIMIT_DB = 1.0;

/**
 * Within this of the threshold of hearing a hiss is "at the edge": individual thresholds scatter
 * by ±5 dB and the model errs about 3 dB to the audible side (docs/model.md, 14.3).
 */
export const HISS_EDGE_DB = 3;

/** The target, checked: a finite number in TARGET_SPL_RANGE, else a RangeError naming the range. */
export function checkTargetSplDb(targetSplDb: number): number {
  const { min, max } = TARGET_SPL_RANGE;
  if (typeof targetSplDb !== 'number' || !Number.isFinite(targetSplDb) || targetSplDb < min || targetSplDb > max) {
    throw new RangeError(`targetSplDb must be a number from ${min} to ${max} dB SPL (got ${String(targetSplDb)})`);
  }
  return targetSplDb;
}

/** What the report has already worked out, shared by every listener's advice. */
export interface AdviceContext {
  setup: Setup;
  /** solveChain(setup, 1 kHz). */
  atReference: ChainSolution;
  limits: readonly Limit[];
  targetSplDb: number;
}

export function adviceFor(context: AdviceContext, index: number, listener: ListenerReportV1 & ListenerGearFigures): Advice {
  const { setup, targetSplDb } = context;
  const reasons: AdviceReason[] = [];
  if (listener.maxCleanSplDb < targetSplDb) reasons.push(levelReason(context, index, listener));
  const deviationDb = listener.responseDeviationDb.max - listener.responseDeviationDb.min;
  if (deviationDb > RESPONSE_DEVIATION_LIMIT_DB) reasons.push(outputImpedanceReason(setup, index, listener, deviationDb));
  const sharing = sharedOutputListeners(setup);
  if (sharing > 1 && -listener.levelChangeDb > SHARED_LOSS_LIMIT_DB) reasons.push(sharedOutputReason(setup, sharing, -listener.levelChangeDb));
  const hiss = hissVerdict(listener);
  if (hiss?.audible && listener.hissDbSplA !== null) reasons.push(noiseReason(setup, index, listener.hissDbSplA, hiss.aboveThresholdDb));
  const summary =
    reasons[0]?.text ??
    `Fine: clean up to ${db(listener.maxCleanSplDb)} SPL (target ${target(targetSplDb)}); ${setup.amp ? 'a stronger amp' : 'an amp'} would only make it louder.`;
  return { targetSplDb, verdict: reasons.length === 0 ? 'fine' : 'improve', reasons, summary };
}

/** How many listeners share one output: all of them, unless an amp gives each its own stage. */
function sharedOutputListeners(setup: Setup): number {
  return setup.amp?.outputs === 'independent' ? 1 : setup.headphones.length;
}

function levelReason(context: AdviceContext, index: number, listener: ListenerReportV1): LevelReason {
  const { setup, atReference, limits, targetSplDb } = context;
  const shortfallDb = targetSplDb - listener.maxCleanSplDb;
  const first = firstLimit(limits, index);
  const stage = first?.stage ?? 'source';
  const limit = first ? first.limitedBy : 'full-scale';
  const kind = limit === 'current' ? 'current' : 'voltage';

  // The driving stage's output voltage for this listener's target: the headphone's voltage for
  // the target, scaled by the (linear) ratio of output to headphone voltage at 1 kHz.
  const driving = drivingStage(atReference, index);
  const outputVrms = abs(driving.current) * abs(driving.load);
  const headphoneVrms = abs(atReference.headphones[index]!.loadVoltage);
  const neededVrms = voltageForSplVrms(setup.headphones[index]!, targetSplDb) * (outputVrms / headphoneVrms);
  const loadOhms = abs(driving.load);
  const neededPeakMa = ((SQRT2 * neededVrms) / loadOhms) * 1000;

  const sharing = sharedOutputListeners(setup);
  const notes = [...(sharing > 1 ? [`${sharing} listeners in parallel`] : []), ...(kind === 'current' ? [`${milliamps(neededPeakMa)} peak`] : [])];
  const amp = `${setup.amp ? 'a stronger amp' : 'an amp'} giving ≥ ${volts(neededVrms)} into ${ohms(loadOhms)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  const head = `${db(shortfallDb)} short of ${kind} for ${target(targetSplDb)} peaks`;
  const stageName = stage === 'amp' ? (setup.amp?.name ?? 'amp') : setup.source.name;
  let text: string;
  if (first?.limitedBy === 'current') {
    const limitMa = (stage === 'amp' ? setup.amp?.maxOutputCurrentMa : setup.source.maxOutputCurrentMa) ?? 0;
    text = `${head}: the current limit of the ${stageName} (${trimmed(limitMa, 3)}${NNBSP}mA peak) is reached first; ${amp} fixes it.`;
  } else if (first) {
    const railVrms = (stage === 'amp' ? setup.amp?.maxOutputVrms : setup.source.maxOutputVrms) ?? 0;
    text = `${head}: the rail of the ${stageName} (${trimmed(railVrms, 3)}${NNBSP}V) is reached first; ${amp} fixes it.`;
  } else {
    // No limit below full scale: the source's full scale (through the amp's gain) is the ceiling.
    const fullScaleVrms = outputVrms / dbToVoltageRatio(setup.signal.levelDbfs);
    const volume = setup.source.volumeDb < 0 ? ` at volume ${signedDb(setup.source.volumeDb)}` : '';
    const ceiling = setup.amp
      ? `the full scale of the ${setup.source.name}${volume}, through the ${signedDb(setup.amp.gainDb)} gain of the ${setup.amp.name}, gives at most ${trimmed(fullScaleVrms, 3)}${NNBSP}V`
      : `the ${setup.source.name} gives at most ${trimmed(fullScaleVrms, 3)}${NNBSP}V at full scale${volume}`;
    const fix =
      volumeAlone(setup, index, listener) >= targetSplDb
        ? `turning the volume up by ≥ ${db(shortfallDb)} fixes it`
        : setup.amp
          ? `more gain fixes it (${amp})`
          : `${amp} fixes it`;
    text = `${head}: ${ceiling}; ${fix}.`;
  }
  return { kind, shortfallDb, stage, limit, neededVrms, loadOhms, neededPeakMa, text };
}

/** This listener's loudest clean SPL with the source's volume at 0 dB (no limit was reached at the setup's volume). */
function volumeAlone(setup: Setup, index: number, listener: ListenerReportV1): number {
  if (setup.source.volumeDb >= 0) return listener.maxCleanSplDb;
  const fullVolume: Setup = { ...setup, source: { ...setup.source, volumeDb: 0 } };
  // Below the first limit everything scales with the volume: +|volume| dB, then capped by the first limit at full volume.
  return listener.maxCleanSplDb - setup.source.volumeDb + maxCleanSignalDbfs(chainLimits(fullVolume), index);
}

function outputImpedanceReason(setup: Setup, index: number, listener: ListenerReportV1, deviationDb: number): OutputImpedanceReason {
  const rule = eighthRule(setup, index);
  const maxOutputImpedanceOhms = rule.loadImpedanceOhms / 8;
  const stageName = setup.amp ? setup.amp.name : setup.source.name;
  const head = `The response moves ${db(deviationDb)} over 20 Hz–20 kHz`;
  const text = rule.passes
    ? `${head} (lowest at ${hertz(listener.responseDeviationDb.minHz)}) although the output impedance meets the 1/8 rule: a coupling capacitor rolls it off, and a larger one fixes it.`
    : `${head} because the output impedance of the ${stageName}, ${ohms(rule.sourceImpedanceOhms)} at ${hertz(rule.worstHz)}, is more than 1/8 of the ${ohms(rule.loadImpedanceOhms)} it drives there: an output impedance under ${ohms(maxOutputImpedanceOhms)} (Z/8) fixes it.`;
  return { kind: 'output-impedance', deviationDb, maxOutputImpedanceOhms, text };
}

function sharedOutputReason(setup: Setup, listeners: number, lossDb: number): SharedOutputReason {
  const stageName = setup.amp ? setup.amp.name : setup.source.name;
  const others = listeners - 1;
  const text = `Sharing the output of the ${stageName} with ${others} other listener${others === 1 ? '' : 's'} costs ${db(lossDb)}: independent outputs (a distribution amp, one output stage per listener) fix it.`;
  return { kind: 'shared-output', lossDb, listeners, text };
}

/**
 * Hiss scales with every stage's noise and with the headphone's sensitivity alike, so it falls
 * below the threshold exactly when it falls by `aboveThresholdDb`: each fix is named with that.
 */
function noiseReason(setup: Setup, index: number, hissDbSplA: number, aboveThresholdDb: number): NoiseReason {
  const needed = upToTenth(aboveThresholdDb);
  const stages = [setup.source.noise ? `source than the ${setup.source.name}` : null, setup.amp?.noise ? `amp than the ${setup.amp.name}` : null].filter((s) => s !== null);
  const sensitivity = sensitivityDbPerVolt(setup.headphones[index]!);
  const fixes = [
    `a quieter ${stages.join(' or ') || 'source'}`,
    ...(setup.amp && setup.amp.gainDb > 0 ? [`less gain on the ${setup.amp.name} with the volume turned up`] : []),
    `a headphone of ≤ ${trimmed(Math.floor((sensitivity - needed) * 10) / 10, 4)}${NNBSP}dB/V (this one has ${trimmed(sensitivity, 4)}${NNBSP}dB/V)`,
    'an impedance adapter (an attenuator at the headphone) with the volume turned up',
  ];
  const text = `Hiss is audible in a quiet room: ${hissInWords(hissDbSplA, aboveThresholdDb, false)}. ${NEEDS(needed)} less hiss fixes it: ${fixes.slice(0, -1).join(', ')} or ${fixes[fixes.length - 1]!}.`;
  return { kind: 'noise', hissDbSplA, aboveThresholdDb, text };
}

/**
 * A listener's hiss in plain words, as the report view and the CLI show it:
 * "36.5 dB SPL(A) — audible in a quiet room, 29.0 dB above the threshold of hearing".
 * With `verdict` false only the figures: "36.5 dB SPL(A), 29.0 dB above the threshold of hearing".
 */
export function hissInWords(hissDbSplA: number, aboveThresholdDb: number, verdict = true): string {
  const where = `${db(Math.abs(aboveThresholdDb))} ${aboveThresholdDb >= 0 ? 'above' : 'below'} the threshold of hearing`;
  if (!verdict) return `${db(hissDbSplA)} SPL(A), ${where}`;
  const words = Math.abs(aboveThresholdDb) < HISS_EDGE_DB ? 'at the edge of hearing in a quiet room' : aboveThresholdDb >= 0 ? 'audible in a quiet room' : 'inaudible';
  return `${db(hissDbSplA)} SPL(A) — ${words}, ${where}`;
}

// ── Numbers in the advice's sentences ────────────────────────────────────────
// A requirement is rounded up (≥ 2.45 V, never a figure that falls short), a level to 0.1 dB.

const NNBSP = '\u202f';
const MINUS = '\u2212';

function upTo3Significant(value: number): number {
  const scale = 10 ** (Math.floor(Math.log10(value)) - 2);
  return Math.ceil(value / scale - 1e-9) * scale;
}

/** A reduction that is needed, rounded up to 0.1 dB (never one that falls short). */
const upToTenth = (value: number): number => Math.ceil(value * 10 - 1e-9) / 10;
const NEEDS = (value: number): string => `≥ ${value.toFixed(1)}${NNBSP}dB`;

const trimmed = (value: number, digits: number): string => String(Number(value.toPrecision(digits)));
/** The target as a user typed it: 110 dB SPL, 107.5 dB SPL. */
const target = (value: number): string => `${trimmed(value, 4)}${NNBSP}dB SPL`;
const db = (value: number): string => `${value.toFixed(1).replace('-', MINUS)}${NNBSP}dB`;
const signedDb = (value: number): string => `${value > 0 ? '+' : ''}${trimmed(value, 3).replace('-', MINUS)}${NNBSP}dB`;
const volts = (vrms: number): string => `${trimmed(upTo3Significant(vrms), 3)}${NNBSP}V`;
const milliamps = (ma: number): string => `${trimmed(upTo3Significant(ma), 3)}${NNBSP}mA`;
const ohms = (value: number): string => `${trimmed(value, value >= 1 ? 3 : 2)}${NNBSP}Ω`;
const hertz = (hz: number): string => (hz >= 1000 ? `${trimmed(hz / 1000, 3)}${NNBSP}kHz` : `${trimmed(hz, 3)}${NNBSP}Hz`);
