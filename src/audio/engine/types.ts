/**
 * The engine's public data shapes: what the app passes in and what the engine reports.
 */
export type Side = 'A' | 'B';

/** Audio in memory: 1 (mono, heard on both ears) or 2 channels, full scale ±1. */
export interface SourceMaterial {
  channels: Float32Array[];
  sampleRate: number;
  name: string;
}

/** One listener's levels since the previous report (≤ 30 reports a second per side). */
export interface ListenerMeters {
  side: Side;
  listener: number;
  /** Highest sample of either channel, dB re full scale (acoustic output: 0 dBFS ↔ calibration). */
  peakDbfs: number;
  /**
   * RMS of the louder channel in dB re a full-scale sine (AES17: a 0 dBFS sine reads 0), so
   * that rmsDbfs + calibrationDbSpl is the simulated SPL. The louder ear counts, for safety.
   */
  rmsDbfs: number;
  /** Simulated SPL at this listener: rmsDbfs + calibrationDbSpl. */
  splDb: number;
  /** Clipped samples reaching this listener (source, amp and its own jack) since the pair was set. */
  clipCount: number;
  /** A clip reached this listener within the last CLIP_HOLD_SECONDS. */
  clipping: boolean;
  /** This is the listener the user hears now (its side selected, its index chosen). */
  heard: boolean;
}

export interface LoudnessReport {
  /** BS.1770-4 gated loudness of A's and B's heard listener over the match window (−Infinity in silence). */
  aLufs: number;
  bLufs: number;
  /** aLufs − bLufs: positive when A is louder. */
  offsetDb: number;
  /** Gains the match applies now (0 when matching is off; only the louder side is lowered). */
  aGainDb: number;
  bGainDb: number;
  matching: boolean;
}

export interface TransportState {
  playing: boolean;
  loop: boolean;
  /** Seconds into the material (0 for a live input). */
  position: number;
  /** Length of the material in seconds; Infinity for a live input, 0 with nothing loaded. */
  duration: number;
  /** 'material' plays SourceMaterial; 'microphone' a live input; 'none' before anything is loaded. */
  input: 'none' | 'material' | 'microphone';
}

export interface EngineWarning {
  kind: 'feedback' | 'loud';
  message: string;
}
