/**
 * The splitter stage, host-free (headroom-chain runs it): the driving stage's EMF (volts,
 * stereo) in, one stereo acoustic output per listener (1…8) out. Per listener:
 *
 *   EMF ─ [clip ±clipPeakVolts, independent jacks only] ─ network(s) ─ · outputGain ─→ acoustic
 *
 * Cost-saving structure (listener-lane.ts):
 *  - each network runs at the lowest factor (1, 2 or 4) whose design is within the design
 *    tolerance of the analog magnitude over 20 Hz–20 kHz, the base rate first by bilinear
 *    transform or magnitude fit (networks.ts; docs/decisions.md, "Networks at the base rate
 *    by magnitude fit before oversampling"); every preset runs at 1×, and a flat network
 *    costs one multiply;
 *  - a 2× or 4× lane reads the input upsampled ONCE (shared ↑2, ↑4 half-band
 *    interpolators, run only when some listener needs them) and keeps every 2nd or 4th
 *    sample of its output: a linear network creates nothing to decimate (docs/decisions.md,
 *    "Linear lanes keep every 2nd or 4th sample instead of decimating");
 *  - a listener's jack clip runs (OversampledStage, ADAA at 8×, network at 4×, with its
 *    decimators: clipping does create content above the band) only when the EMF can reach
 *    it: min(amp gain · source peak, amp clip) · 2 ≥ clipPeakVolts.
 * With shared ground returns (setup@3) a listener's plan also has a side network: the lane
 * then runs mid = (L + R)/2 through the network and side = (L − R)/2 through the side network
 * (listener-lane.ts), both designed at the same factor, so left and right leak into each other
 * as the report's crosstalk says.
 * Every lane is padded to the node's one latency (that of the clip lane), so changing a
 * listener's lane (another factor, clip on or off) is a 20 ms warm-up and a 20 ms
 * raised-cosine crossfade; a new network in the same lane is BiquadCascade's crossfade;
 * outputGain ramps over 20 ms on a raised cosine (smoother.ts, CosineSmoother).
 *
 * Meters: per listener { peak: [l, r], rms: [l, r], clips } over the frames since the last
 * `takeReports`; clips are base-rate samples clipped by this listener's jack clip (upstream
 * stages report their own).
 */
import type { Plan } from '../../src/model/compile.ts';
import type { BiquadSections } from '../dsp/analog-to-digital.ts';
import { CROSSFADE, crossfadeBlock, fadeCurve, IDLE, WARMUP } from '../dsp/crossfade.ts';
import { DENORMAL_FLOOR } from '../dsp/denormal.ts';
import { HalfBandInterpolator } from '../dsp/half-band.ts';
import { OversampledStage } from '../dsp/oversampled-stage.ts';
import { designOversamplingStages } from '../dsp/oversampler.ts';
import type { Samples } from '../dsp/samples.ts';
import { CosineSmoother } from '../dsp/smoother.ts';
import { INTERSAMPLE_MARGIN, RAMP_MS } from './clip-section.ts';
import { KIND_1X, KIND_2X, KIND_4X, KIND_CLIP, KIND_CLIP_MID_SIDE, ListenerLane, MAX_SECTIONS, type LaneContext, type LaneKind } from './listener-lane.ts';
import { designAt, designNetwork, type NetworkFactor } from './networks.ts';
import type { PlanChecker } from './plan-check.ts';

const BLOCK = 128;
/** Largest finite Float32 (2^128 − 2^104). */
const FLOAT32_MAX = 3.4028234663852886e38;
const CHANNELS = 2;

export interface ListenerSettings {
  kind: LaneKind;
  sections: BiquadSections;
  /** The side network's sections at the same factor, or null (left and right independent). */
  sideSections: BiquadSections | null;
  /** Jack clip threshold; Infinity when the lane has none. */
  threshold: number;
  outputGain: number;
}

/** Largest EMF the splitter's input can carry at this plan (see ClipSection's peakIn). */
export function emfBound(plan: Plan): number {
  const sourceOut = Math.min(plan.source.voltsPerFullScale, plan.source.clipPeakVolts);
  return plan.amp ? Math.min(plan.amp.gain * sourceOut, plan.amp.clipPeakVolts) : sourceOut;
}

/** Checks and reads every listener's lane from a plan that passed `checker.plan`. */
export function listenerSettings(checker: PlanChecker, plan: Plan, sampleRateHz: number): ListenerSettings[] {
  checker.listeners(plan);
  checker.source(plan);
  checker.amp(plan, false);
  const bound = emfBound(plan);
  return plan.listeners.map((listener, i) => {
    const at = `${checker.root}.listeners[${i}]`;
    const clip = listener.clipPeakVolts;
    const clipped = clip !== null && bound * INTERSAMPLE_MARGIN >= clip;
    const side = listener.sideNetwork ?? null;
    const checked = (field: string, sections: BiquadSections) => {
      if (sections.count > MAX_SECTIONS) checker.fail(`${at}.${field} has ${sections.count} second-order sections; at most ${MAX_SECTIONS}`);
      return sections;
    };
    if (clipped) {
      const sections = checked('network', checker.realise(`${at}.network`, () => designAt(listener.network, sampleRateHz, 4)));
      const sideSections = side && checked('sideNetwork', checker.realise(`${at}.sideNetwork`, () => designAt(side, sampleRateHz, 4)));
      return { kind: side ? KIND_CLIP_MID_SIDE : KIND_CLIP, sections, sideSections, threshold: clip, outputGain: listener.outputGain };
    }
    let design: { factor: number; sections: BiquadSections } = checker.realise(`${at}.network`, () => designNetwork(listener.network, sampleRateHz));
    let sideSections: BiquadSections | null = null;
    if (side) {
      const sideDesign = checker.realise(`${at}.sideNetwork`, () => designNetwork(side, sampleRateHz));
      // Both halves of the mid/side pair run at one rate: the higher of the two factors.
      const factor = Math.max(design.factor, sideDesign.factor) as NetworkFactor;
      if (design.factor !== factor) design = { factor, sections: checker.realise(`${at}.network`, () => designAt(listener.network, sampleRateHz, factor)) };
      sideSections = sideDesign.factor === factor ? sideDesign.sections : checker.realise(`${at}.sideNetwork`, () => designAt(side, sampleRateHz, factor));
      checked('sideNetwork', sideSections);
    }
    checked('network', design.sections);
    const kind: LaneKind = design.factor === 1 ? KIND_1X : design.factor === 2 ? KIND_2X : KIND_4X;
    return { kind, sections: design.sections, sideSections, threshold: Infinity, outputGain: listener.outputGain };
  });
}

/** One listener's meters since the previous report; reused (the port clones it). */
export interface ListenerReport {
  peak: number[];
  rms: number[];
  clips: number;
}

interface Pending {
  kind: LaneKind;
  sections: BiquadSections;
  sideSections: BiquadSections | null;
  threshold: number;
}

class Listener {
  readonly lanes: [ListenerLane, ListenerLane];
  /** Index into `lanes` of the lane the listener hears (the other warms up during a switch). */
  heardLane = 0;
  phase = IDLE;
  position = 0;
  pending: Pending | null = null;
  readonly gain: CosineSmoother;
  readonly gainBuffer = new Float64Array(BLOCK);
  readonly peak = new Float64Array(CHANNELS);
  readonly sumSquares = new Float64Array(CHANNELS);
  clipRateCount = 0;
  readonly report: ListenerReport = { peak: [0.5, 0.5], rms: [0.5, 0.5], clips: 0 };

  constructor(context: LaneContext, settings: ListenerSettings) {
    this.lanes = [new ListenerLane(context), new ListenerLane(context)];
    this.gain = new CosineSmoother(context.sampleRateHz, RAMP_MS, settings.outputGain);
    this.lanes[0].prepare(settings.kind, settings.threshold);
    this.lanes[0].load(settings.kind, settings.sections, settings.sideSections, settings.threshold);
  }

  /** Plan handler: allocates what the new lane needs, then queues or applies the change. */
  setPlan(settings: ListenerSettings): void {
    this.gain.setTarget(settings.outputGain);
    this.lanes[0].prepare(settings.kind, settings.threshold);
    this.lanes[1].prepare(settings.kind, settings.threshold);
    const heard = this.lanes[this.heardLane]!;
    if (this.phase === IDLE && heard.kind === settings.kind) {
      heard.update(settings.sections, settings.sideSections, settings.threshold);
      this.pending = null;
    } else {
      this.pending = { kind: settings.kind, sections: settings.sections, sideSections: settings.sideSections, threshold: settings.threshold };
    }
  }

  /** Starts a waiting change (process time: no allocation, `prepare` ran in the handler). */
  begin(): void {
    const next = this.pending;
    if (next === null || this.phase !== IDLE) return;
    this.pending = null;
    const heard = this.lanes[this.heardLane]!;
    if (heard.kind === next.kind) {
      heard.update(next.sections, next.sideSections, next.threshold);
      return;
    }
    this.lanes[1 - this.heardLane]!.load(next.kind, next.sections, next.sideSections, next.threshold);
    this.phase = WARMUP;
    this.position = 0;
  }

  /** How far the shared upsamplers must go for this listener: 0 base rate only, 1 to 2×, 2 to 4×. */
  oversamplingDepth(): number {
    const heard = depthOf(this.lanes[this.heardLane]!.kind);
    return this.phase === IDLE ? heard : Math.max(heard, depthOf(this.lanes[1 - this.heardLane]!.kind));
  }
}

const depthOf = (kind: LaneKind): number => (kind === KIND_2X ? 1 : kind === KIND_4X ? 2 : 0);

export class SplitterStage {
  readonly latencySamples: number;
  /** Per listener, reused by every `takeReports`. */
  readonly reports: readonly ListenerReport[];
  private readonly listeners: Listener[];
  private readonly context: LaneContext;
  private readonly base: Float64Array[] = [];
  private readonly twice: Float64Array[] = [];
  private readonly four: Float64Array[] = [];
  private readonly up1: HalfBandInterpolator[] = [];
  private readonly up2: HalfBandInterpolator[] = [];
  private readonly warmupSamples: number;
  private readonly fadeCurve: Float64Array;
  private runningDepth = 0;
  private meterFrames = 0;

  constructor(sampleRateHz: number, settings: readonly ListenerSettings[]) {
    const designs = designOversamplingStages({ baseRateHz: sampleRateHz, factor: 8 });
    const m1 = designs[0]!.halfLength;
    const m2 = designs[1]!.halfLength;
    // The shared streams lag the input by m1 samples of the 2× rate and 2·m1 + m2 of the
    // 4× rate; a linear lane picks the phase that makes its delay whole (listener-lane.ts).
    const pick2 = pickFor(m1, 2);
    const pick4 = pickFor(2 * m1 + m2, 4);
    const probe = new OversampledStage({ sampleRateHz, channelCount: 1, clipFactor: 8, networkFactor: 4, maxSections: 1 });
    this.latencySamples = Math.max(pick2.delay, pick4.delay, probe.latencySamples);
    const clipPad = this.latencySamples - probe.latencySamples;
    const pads = [this.latencySamples, this.latencySamples - pick2.delay, this.latencySamples - pick4.delay, clipPad, clipPad];
    this.context = { sampleRateHz, channelCount: CHANNELS, block: BLOCK, pads, pickPhases: [0, pick2.phase, pick4.phase] };

    for (let c = 0; c < CHANNELS; c++) {
      this.base.push(new Float64Array(BLOCK));
      this.twice.push(new Float64Array(2 * BLOCK));
      this.four.push(new Float64Array(4 * BLOCK));
      this.up1.push(new HalfBandInterpolator(designs[0]!, BLOCK));
      this.up2.push(new HalfBandInterpolator(designs[1]!, 2 * BLOCK));
    }
    this.listeners = settings.map((s) => new Listener(this.context, s));
    this.reports = this.listeners.map((l) => l.report);
    this.runningDepth = Math.max(...this.listeners.map((l) => l.oversamplingDepth()));
    this.warmupSamples = Math.round((RAMP_MS * sampleRateHz) / 1000);
    this.fadeCurve = fadeCurve(this.warmupSamples);
  }

  get listenerCount(): number {
    return this.listeners.length;
  }

  /** A new plan for the same listeners (the caller checks the count), applied click-free. */
  set(settings: readonly ListenerSettings[]): void {
    settings.forEach((s, i) => this.listeners[i]!.setPlan(s));
  }

  /**
   * One block: the EMF's two channels in (any finite or non-finite values: non-finite and
   * denormal samples are read as 0), listener k's stereo output to `outputs[k]` when present.
   */
  process(left: Samples, right: Samples, outputs: readonly (Float32Array[] | undefined)[], length: number): void {
    sanitize(left, this.base[0]!, length);
    sanitize(right, this.base[1]!, length);
    this.run(this.base, outputs, length);
  }

  /**
   * The same for an EMF known to be finite and free of denormals, read where it is (no
   * sanitizing copy): headroom-chain's own stages deliver that (ClipSection sanitizes its
   * input and flushes its clip lane, the rail saturates, the input network's state is flushed
   * every block). `emf` must not change until the call returns.
   */
  processClean(emf: readonly Float64Array[], outputs: readonly (Float32Array[] | undefined)[], length: number): void {
    this.run(emf, outputs, length);
  }

  private run(emf: readonly Float64Array[], outputs: readonly (Float32Array[] | undefined)[], length: number): void {
    let depth = 0;
    // Index loops throughout process(): for…of allocates an iterator wherever the
    // optimiser has not (yet) removed it.
    for (let k = 0; k < this.listeners.length; k++) {
      const listener = this.listeners[k]!;
      listener.begin();
      const d = listener.oversamplingDepth();
      if (d > depth) depth = d;
    }
    this.upsample(emf, depth, length);

    for (let k = 0; k < this.listeners.length; k++) {
      this.runListener(this.listeners[k]!, emf, outputs[k], length);
    }
    this.meterFrames += length;
  }

  /** Fills `reports` with the meters since the previous call and starts them again. */
  takeReports(): readonly ListenerReport[] {
    const frames = this.meterFrames;
    this.meterFrames = 0;
    for (let k = 0; k < this.listeners.length; k++) {
      const listener = this.listeners[k]!;
      const report = listener.report;
      for (let c = 0; c < CHANNELS; c++) {
        report.peak[c] = listener.peak[c]!;
        report.rms[c] = frames > 0 ? Math.sqrt(listener.sumSquares[c]! / frames) : 0;
        listener.peak[c] = 0;
        listener.sumSquares[c] = 0;
      }
      report.clips = Math.ceil(listener.clipRateCount / 8);
      listener.clipRateCount = 0;
    }
    return this.reports;
  }

  private upsample(emf: readonly Float64Array[], depth: number, length: number): void {
    // A stage that was idle restarts from silence; the lane that needs it warms up 20 ms first.
    if (depth >= 1 && this.runningDepth < 1) for (let c = 0; c < this.up1.length; c++) this.up1[c]!.reset();
    if (depth >= 2 && this.runningDepth < 2) for (let c = 0; c < this.up2.length; c++) this.up2[c]!.reset();
    this.runningDepth = depth;
    if (depth === 0) return;
    for (let c = 0; c < CHANNELS; c++) {
      this.up1[c]!.process(emf[c]!, length, this.twice[c]!);
      if (depth >= 2) this.up2[c]!.process(this.twice[c]!, 2 * length, this.four[c]!);
    }
  }

  private runListener(listener: Listener, emf: readonly Float64Array[], out: Float32Array[] | undefined, length: number): void {
    const heard = listener.lanes[listener.heardLane]!;
    heard.process(emf, this.twice, this.four, length);
    let clips = heard.takeClipCount();
    if (listener.phase !== IDLE) {
      const incoming = listener.lanes[1 - listener.heardLane]!;
      incoming.process(emf, this.twice, this.four, length);
      const incomingClips = incoming.takeClipCount();
      if (listener.phase === CROSSFADE && incomingClips > clips) clips = incomingClips;
      this.mix(listener, heard.outputs, incoming.outputs, length);
    }
    listener.clipRateCount += clips;

    const left = heard.outputs[0]!;
    const right = heard.outputs[1]!;
    // A settled output gain multiplies in the pass below; a ramping one first, in place (the
    // lane's output is this block's to change), and × 1 below is exact.
    let gain = listener.gain.value;
    if (!listener.gain.isSettled) {
      const ramp = listener.gainBuffer;
      listener.gain.fill(ramp, length);
      for (let i = 0; i < length; i++) {
        left[i] = left[i]! * ramp[i]!;
        right[i] = right[i]! * ramp[i]!;
      }
      gain = 1;
    }
    const toLeft = out?.[0];
    const toRight = out?.[1];
    let peakLeft = 0;
    let peakRight = 0;
    let sumLeft = 0;
    let sumRight = 0;
    if (toLeft && toRight) {
      // One pass over both channels: gain, meters, the Float32 output with its denormal flush.
      // Each channel keeps its own peak and sum (summed in sample order, as per channel), so
      // the two channels' dependency chains run side by side (docs/decisions.md, "Render
      // speed: one pass per stage").
      for (let i = 0; i < length; i++) {
        const l = left[i]! * gain;
        const r = right[i]! * gain;
        // Math.abs and Math.max compile without branches (see clip-section.ts).
        const magnitudeLeft = Math.abs(l);
        const magnitudeRight = Math.abs(r);
        peakLeft = Math.max(peakLeft, magnitudeLeft);
        peakRight = Math.max(peakRight, magnitudeRight);
        sumLeft += l * l;
        sumRight += r * r;
        toLeft[i] = magnitudeLeft < DENORMAL_FLOOR ? 0 : l;
        toRight[i] = magnitudeRight < DENORMAL_FLOOR ? 0 : r;
      }
      // A finite double beyond ±FLOAT32_MAX is stored as ±Infinity; a NaN (unreachable for
      // finite lanes and gains, kept as the last guard) makes the peak NaN. Either: silence.
      if (!(peakLeft <= FLOAT32_MAX)) toLeft.fill(0, 0, length);
      if (!(peakRight <= FLOAT32_MAX)) toRight.fill(0, 0, length);
    } else {
      // An output the host left out (or gave one channel): the meters, and what there is to write.
      for (let i = 0; i < length; i++) {
        const l = left[i]! * gain;
        const r = right[i]! * gain;
        peakLeft = Math.max(peakLeft, Math.abs(l));
        peakRight = Math.max(peakRight, Math.abs(r));
        sumLeft += l * l;
        sumRight += r * r;
        if (toLeft) toLeft[i] = Math.abs(l) < DENORMAL_FLOOR ? 0 : l;
        if (toRight) toRight[i] = Math.abs(r) < DENORMAL_FLOOR ? 0 : r;
      }
      if (toLeft && !(peakLeft <= FLOAT32_MAX)) toLeft.fill(0, 0, length);
      if (toRight && !(peakRight <= FLOAT32_MAX)) toRight.fill(0, 0, length);
    }
    const peak = listener.peak;
    const sumSquares = listener.sumSquares;
    if (peakLeft > peak[0]!) peak[0] = peakLeft;
    if (peakRight > peak[1]!) peak[1] = peakRight;
    sumSquares[0] = sumSquares[0]! + sumLeft;
    sumSquares[1] = sumSquares[1]! + sumRight;
  }

  /** Lane transition: the old lane (a) alone for 20 ms, then a raised-cosine crossfade to b. */
  private mix(listener: Listener, heard: readonly Float64Array[], incoming: readonly Float64Array[], length: number): void {
    crossfadeBlock(listener, heard, incoming, CHANNELS, length, this.warmupSamples, this.fadeCurve);
    if (listener.phase === IDLE) listener.heardLane = 1 - listener.heardLane;
  }
}

function sanitize(from: Samples, to: Float64Array, length: number): void {
  for (let i = 0; i < length; i++) {
    const v = from[i]!;
    const magnitude = Math.abs(v);
    // NaN fails both comparisons, ±Infinity the second.
    to[i] = magnitude >= DENORMAL_FLOOR && magnitude < Infinity ? v : 0;
  }
}

/**
 * The sample phase a linear lane picks from a stream `lag` samples late at `factor` × the
 * base rate, and the whole base-rate delay that gives: sample factor·i + phase of the stream
 * is the input at base time i − (lag − phase)/factor.
 */
function pickFor(lag: number, factor: number): { phase: number; delay: number } {
  const phase = lag % factor;
  return { phase, delay: (lag - phase) / factor };
}
