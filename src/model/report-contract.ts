/**
 * The report contract `headroom/report@1`: what the model says about a setup.
 * The UI and the CLI show these numbers; nothing re-derives them.
 */
export const REPORT_FORMAT = 'headroom/report@1';

export type ClippingLimit = 'rail' | 'current' | 'none';
export type StageName = 'source' | 'amp';

export interface ResponseDeviation {
  /** Lowest level re 1 kHz over 20 Hz–20 kHz (dB) and where it occurs. */
  min: number;
  max: number;
  minHz: number;
  maxHz: number;
}

export interface ListenerReport {
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

export interface ClippingReport {
  limitedBy: ClippingLimit;
  stage: StageName | null;
  /** Signal level (dBFS, ≤ 0) at which the first limit is reached; 0 with "none". */
  atSignalDbfs: number;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  headphones: ListenerReport[];
  clipping: ClippingReport;
}
