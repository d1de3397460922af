/**
 * The report contract: what the model says about a setup.
 * The UI and the CLI show these numbers; nothing re-derives them.
 * `headroom/report@1` is the output chain's report. `headroom/report@2` is @1 plus an
 * `input` section, for a setup with an `input` section. `headroom/report@3` is what
 * `buildReport` writes: @2's fields (with `input` present only when the setup has one) plus,
 * per listener, the model's `advice` and the figures about the listener's own gear
 * (`ListenerGearFigures`: measured curves, hiss, crosstalk). @1 and @2 stay valid documents: `reportInFormat`
 * writes them from an @3 report, field by field (docs/decisions.md, "Advice makes
 * headroom/report@3").
 */
export const REPORT_FORMAT = 'headroom/report@1';
export const REPORT_FORMAT_V2 = 'headroom/report@2';
export const REPORT_FORMAT_V3 = 'headroom/report@3';
export const REPORT_FORMATS = [REPORT_FORMAT, REPORT_FORMAT_V2, REPORT_FORMAT_V3] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export type ClippingLimit = 'rail' | 'current' | 'none';
export type StageName = 'source' | 'amp';

export interface ResponseDeviation {
  /** Lowest level re 1 kHz over 20 Hz–20 kHz (dB) and where it occurs. */
  min: number;
  max: number;
  minHz: number;
  maxHz: number;
}

/** One listener in `headroom/report@1` and `@2`. */
export interface ListenerReportV1 {
  name: string;
  loadVoltageVrms: number;
  powerMw: number;
  splDb: number;
  /** Versus the same headphone as the only listener on the same chain, plugged in directly. */
  levelChangeDb: number;
  /** SPL at the first limit that reaches this listener's signal (at the current volume, ≤ 0 dBFS). */
  maxCleanSplDb: number;
  responseDeviationDb: ResponseDeviation;
  /** 301 log-spaced points from 20 Hz to 20 kHz; level re 1 kHz in dB. */
  response: { hz: number[]; db: number[] };
}

/** One listener in `headroom/report@3`: @1's figures, what the model advises, and the gear figures. */
export interface ListenerReport extends ListenerReportV1, ListenerGearFigures {
  advice: Advice;
}

/** The answer for someone deciding on an amp: fine, or what to improve and what fixes it. */
export interface Advice {
  /** The peak SPL the listener wants clean (dB SPL, a 1 kHz sine of that peak). */
  targetSplDb: number;
  /** "fine" exactly when `reasons` is empty. */
  verdict: 'fine' | 'improve';
  /** In this order: level (voltage or current), output impedance, shared output, noise. */
  reasons: AdviceReason[];
  /** One sentence with the numbers: the verdict, or the first reason's text. */
  summary: string;
}

export type AdviceReason = LevelReason | OutputImpedanceReason | SharedOutputReason | NoiseReason;

/** The loudest clean level is under the target. */
export interface LevelReason {
  /** "current" when a current limit is what this listener meets first, else "voltage". */
  kind: 'voltage' | 'current';
  /** target − maxCleanSplDb, > 0. */
  shortfallDb: number;
  /** The stage whose limit is met first. */
  stage: StageName;
  /** A rail, a current limit, or the source's maximum output at digital full scale (no limit reached). */
  limit: 'rail' | 'current' | 'full-scale';
  /** The voltage (Vrms, 1 kHz) the driving stage's output must reach for the target. */
  neededVrms: number;
  /** The load the driving stage then drives at 1 kHz: this branch, or all branches of a shared output. */
  loadOhms: number;
  /** The peak current that takes (mA). */
  neededPeakMa: number;
  text: string;
}

/** The response moves more than 1 dB over 20 Hz–20 kHz. */
export interface OutputImpedanceReason {
  kind: 'output-impedance';
  /** max − min of the response over 20 Hz–20 kHz (dB). */
  deviationDb: number;
  /** 1/8 of the driving stage's load where load / output impedance is smallest (the 1/8 rule). */
  maxOutputImpedanceOhms: number;
  text: string;
}

/** A shared output (a passive splitter or a shared amp stage) costs this listener more than 1 dB. */
export interface SharedOutputReason {
  kind: 'shared-output';
  /** −levelChangeDb, > 0. */
  lossDb: number;
  /** How many listeners share the output, this one included. */
  listeners: number;
  text: string;
}

/** The hiss is audible in a quiet room (report@3 with a stated source or amp noise). */
export interface NoiseReason {
  kind: 'noise';
  /** The hiss at the headphone, dB SPL(A) (as `hissDbSplA`). */
  hissDbSplA: number;
  /** How far the hiss's loudest critical band lies above the threshold of hearing (≥ 0 dB): the hiss must fall by this much. */
  aboveThresholdDb: number;
  text: string;
}

export interface ClippingReport {
  limitedBy: ClippingLimit;
  stage: StageName | null;
  /** Signal level (dBFS, ≤ 0) at which the first limit is reached; 0 with "none". */
  atSignalDbfs: number;
}

export interface InstrumentInputReport {
  pickup: string;
  /** The interface input's resistance (the typical value of its type, or the custom one). */
  inputImpedanceOhms: number;
  /** What the pickup sees: the input ∥ the guitar's controls. */
  loadOhms: number;
  /** Winding + cable + input capacitance. */
  capacitancePf: number;
  /** 20·log10(V_in/EMF) at low frequency: the winding resistance against the load. */
  lowFrequencyDb: number;
  /** The response's maximum, null when it only falls (damped: no resonance). */
  resonanceHz: number | null;
  /** Its height above the low-frequency level, dB. */
  peakDb: number | null;
  /** Where the response falls 3 dB below its low-frequency level; null above 1 MHz. */
  minus3DbHz: number | null;
  /** 301 log-spaced points from 20 Hz to 20 kHz; 20·log10|V_in/EMF| in dB (not re 1 kHz). */
  response: { hz: number[]; db: number[] };
}

export interface MicrophoneInputReport {
  name: string;
  /** False for a condenser without phantom power: it gives no signal at all. */
  hasSignal: boolean;
  phantomVoltageAtMicV: number | null;
  /** The mic's voltage at the preamp input (after the mic-impedance / input-impedance divider) at 94 dB SPL. */
  micLevelDbuAt94DbSpl: number | null;
  /** What a 94 dB SPL (1 Pa) tone reads on the converter. */
  levelDbfsAt94DbSpl: number | null;
  /** The SPL whose tone just reaches the converter's full scale. */
  clipSplDb: number | null;
  /** How the noise figures are measured: as the preamp's EIN is stated. */
  noiseMeasurement: 'A-weighted' | '20Hz-20kHz';
  /** EIN + gain, at the converter input. */
  preampNoiseDbfs: number;
  /** Quantization (and dither) noise over 0 … fs/2: −(6.02·N + 1.76) dB, +4.77 dB with TPDF dither. */
  quantizationNoiseDbfs: number;
  /** The same noise as the EIN's measurement sees it. */
  quantizationNoiseInBandDbfs: number;
  /** Preamp and quantization noise, power-summed. */
  noiseFloorDbfs: number;
  noiseFloorDbu: number;
  /** From a full-scale sine down to the noise floor. */
  dynamicRangeDb: number;
  /** The SPL of a tone as loud as the noise floor (the chain's self-noise in dB SPL). */
  noiseSplDb: number | null;
  dominantNoise: 'preamp' | 'quantization';
}

export interface LatencyReport {
  bufferMs: number;
  converterSamples: number;
  converterMs: number;
  roundTripSamples: number;
  roundTripMs: number;
  monitoring: 'computer' | 'direct-digital' | 'direct-analog';
  monitoringSamples: number;
  monitoringMs: number;
  firstCombNotchHz: number | null;
}

export interface InputReport {
  sampleRateHz: number;
  instrument: InstrumentInputReport | null;
  microphone: MicrophoneInputReport | null;
  latency: LatencyReport | null;
}

/** `headroom/report@1`: a setup without an input section. */
export interface ReportV1 {
  format: typeof REPORT_FORMAT;
  headphones: ListenerReportV1[];
  clipping: ClippingReport;
}

/** `headroom/report@2`: @1 plus the input section. */
export interface ReportV2 {
  format: typeof REPORT_FORMAT_V2;
  headphones: ListenerReportV1[];
  clipping: ClippingReport;
  input: InputReport;
}

/**
 * headroom/report@3's figures about the listener's own gear (setup@3 and measured curves). A
 * figure that does not apply is null, never NaN or ±Infinity (docs/model.md, "The report's gear
 * figures").
 */
export interface ListenerGearFigures {
  /**
   * The largest difference (dB) between the response re 1 kHz that is heard, where every
   * measured curve runs as its fitted rational model, and `response`, from the curves
   * themselves, over the 301 report frequencies. Null when no headphone is given as a curve.
   */
  impedanceFitErrorDb: number | null;
  /** A-weighted SPL of the hiss at this headphone (20 Hz–20 kHz); null without source or amp noise. */
  hissDbSplA: number | null;
  /** Whether the hiss can be heard in a quiet room (a critical band reaches the threshold of hearing). */
  hissAudible: boolean | null;
  /** How far the hiss's loudest critical band lies above the threshold of hearing (negative: below), dB. */
  hissAboveThresholdDb: number | null;
  /** At 1 kHz, the other channel's signal relative to its own for a signal in one channel only (negative, dB); null without shared returns. */
  crosstalkDb: number | null;
  /** The level shared returns cost a signal in both channels at 1 kHz (≤ 0 dB, already in every level above); null without them. */
  sharedReturnLossDb: number | null;
  /** Crosstalk at the 301 report frequencies (dB); null without shared returns. */
  crosstalk: { hz: number[]; db: number[] } | null;
}

/** `headroom/report@3`: @2's fields (`input` only for a setup with one) plus each listener's advice and gear figures. */
export interface ReportV3 {
  format: typeof REPORT_FORMAT_V3;
  headphones: ListenerReport[];
  clipping: ClippingReport;
  input?: InputReport;
}

/** What `buildReport` writes. */
export type Report = ReportV3;
export type AnyReport = ReportV1 | ReportV2 | ReportV3;
