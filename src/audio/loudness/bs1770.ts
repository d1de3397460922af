/**
 * ITU-R BS.1770-4 loudness, the pure maths (no Web Audio): K-weighting (from the kernel in
 * worklets/dsp/k-weighting.ts, the one copy the live meter also runs), 400 ms gating blocks
 * with 75 % overlap, the absolute gate at −70 LKFS and the relative gate 10 LU below the
 * absolutely gated loudness (BS.1770-4 §2.4–2.8; EBU Tech 3341 calls the unit LUFS).
 *
 *   block loudness  l_j = −0.691 + 10·log10(Σ_i G_i · z_ij)     G = 1 for left and right
 *   gated loudness  L   = −0.691 + 10·log10(mean of Σ_i G_i z_ij over blocks passing both gates)
 *
 * The −0.691 cancels K-weighting's +0.691 dB at 997 Hz, so a 997 Hz sine at 0 dBFS in one
 * channel reads −3.01 LKFS (BS.1770-4 §2.3 note; tests/engine/bs1770.test.ts).
 */
import { GatingBlocks, KWeightingFilter } from '../../../worklets/dsp/k-weighting.ts';

export { kWeightingCoefficients, kWeightingGainDb } from '../../../worklets/dsp/k-weighting.ts';

export const ABSOLUTE_GATE_LUFS = -70;
export const RELATIVE_GATE_LU = -10;

/** Loudness of a channel-summed mean-square power Σ G_i z_i. */
export function loudnessOfPower(power: number): number {
  return -0.691 + 10 * Math.log10(power);
}

/** Power whose loudness is `lufs` (inverse of loudnessOfPower). */
export function powerOfLoudness(lufs: number): number {
  return 10 ** ((lufs + 0.691) / 10);
}

/**
 * Gated loudness (LUFS) of a run of block powers (each Σ_i G_i z_ij of one 400 ms block).
 * −Infinity when no block passes the absolute gate (silence): the caller decides what
 * silence means for it.
 */
export function gatedLoudness(blockPowers: ArrayLike<number>): number {
  const absolute = powerOfLoudness(ABSOLUTE_GATE_LUFS);
  let sum = 0;
  let count = 0;
  for (let j = 0; j < blockPowers.length; j++) {
    const p = blockPowers[j]!;
    // "≤ Γ is dropped": BS.1770-4 keeps blocks with l_j > Γ_a.
    if (p > absolute) {
      sum += p;
      count++;
    }
  }
  if (count === 0) return Number.NEGATIVE_INFINITY;
  const relative = powerOfLoudness(loudnessOfPower(sum / count) + RELATIVE_GATE_LU);
  let gatedSum = 0;
  let gatedCount = 0;
  for (let j = 0; j < blockPowers.length; j++) {
    const p = blockPowers[j]!;
    if (p > absolute && p > relative) {
      gatedSum += p;
      gatedCount++;
    }
  }
  return loudnessOfPower(gatedSum / gatedCount);
}

/** The block powers of a whole signal (channels weighted 1, as left and right in BS.1770-4 Table 3). */
export function blockPowers(channels: readonly Float32Array[], sampleRateHz: number): number[] {
  const filters = channels.map(() => new KWeightingFilter(sampleRateHz));
  const blocks = new GatingBlocks(sampleRateHz);
  const frames = channels[0]?.length ?? 0;
  const powers: number[] = [];
  let offset = 0;
  while (offset < frames) {
    const run = Math.min(frames - offset, blocks.remaining);
    let sum = 0;
    channels.forEach((channel, c) => (sum += filters[c]!.sumOfSquares(channel.subarray(offset, offset + run), run)));
    // A last partial hop does not complete a block: BS.1770 uses whole blocks only.
    if (blocks.add(sum, run)) powers.push(blocks.blockPower);
    offset += run;
  }
  return powers;
}

/** Integrated (gated) loudness of a whole signal in LUFS: the programme loudness of BS.1770-4. */
export function integratedLoudness(channels: readonly Float32Array[], sampleRateHz: number): number {
  return gatedLoudness(blockPowers(channels, sampleRateHz));
}
