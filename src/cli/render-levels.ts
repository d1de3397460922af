/**
 * Levels of a rendered file, in the output convention of DESIGN.md: a 0 dBFS sine stands
 * for the calibration SPL. RMS is stated AES17-style (a full-scale sine reads 0 dBFS), so
 * levelDbfs + calibrationDbSpl is the SPL of a sine with that RMS.
 */
export interface Levels {
  /** RMS over all channels, dB re a full-scale sine; null for digital silence. */
  levelDbfs: number | null;
  /** Largest |sample|, dB re 1; null for digital silence. */
  peakDbfs: number | null;
}

export function measureLevels(channels: readonly Float32Array[]): Levels {
  let sumSquares = 0;
  let count = 0;
  let peak = 0;
  for (const channel of channels) {
    for (let i = 0; i < channel.length; i++) {
      const x = channel[i]!;
      sumSquares += x * x;
      const magnitude = Math.abs(x);
      if (magnitude > peak) peak = magnitude;
    }
    count += channel.length;
  }
  if (peak === 0 || count === 0) return { levelDbfs: null, peakDbfs: null };
  return { levelDbfs: 20 * Math.log10(Math.sqrt(sumSquares / count) * Math.SQRT2), peakDbfs: 20 * Math.log10(peak) };
}
