/**
 * A musical loop rendered with Tone.js (the demo track, the plucked string): its tempo and
 * length, and how a rendering that rings past the last bar line becomes seamless loop material.
 */
import type { SourceMaterial } from './material.ts';

export interface LoopTiming {
  readonly bpm: number;
  readonly bars: number;
  readonly beatsPerBar: number;
  /** Peak level after normalization, dBFS. */
  readonly peakDbfs: number;
}

/** Length of the loop: bars · beats per bar · 60 / BPM. */
export const loopSeconds = ({ bars, beatsPerBar, bpm }: LoopTiming): number => (bars * beatsPerBar * 60) / bpm;

/** How long past the last bar line the instruments may still ring (the longest release is 1.2 s). */
export const RING_OUT_SECONDS = 2;

/** The sample rates the loops are rendered at (Tone's offline context). */
export function checkLoopSampleRate(sampleRate: number): void {
  if (!Number.isFinite(sampleRate) || sampleRate < 22_050 || sampleRate > 192_000) {
    throw new RangeError(`sampleRate must be from 22050 to 192000 Hz (got ${sampleRate})`);
  }
}

/**
 * The rendered channels (the loop and its ring-out) as loop material named `name`: what rings
 * past the last bar line folded onto the start (that is what a loop hears there), then the
 * whole normalized to the loop's peak level.
 */
export function loopMaterial(name: string, timing: LoopTiming, rendered: readonly Float32Array[], sampleRate: number): SourceMaterial {
  const loopLength = Math.round(loopSeconds(timing) * sampleRate);
  const channels = rendered.map((full) => {
    const loop = new Float64Array(loopLength);
    for (let i = 0; i < loopLength; i++) loop[i] = full[i]!;
    for (let i = loopLength; i < full.length; i++) loop[i - loopLength]! += full[i]!;
    return loop;
  });
  let peak = 0;
  for (const ch of channels) for (const s of ch) peak = Math.max(peak, Math.abs(s));
  if (peak === 0 || !Number.isFinite(peak)) throw new Error(`The ${name.toLowerCase()} rendered silent`);
  const gain = 10 ** (timing.peakDbfs / 20) / peak;
  return {
    name: `${name} (${timing.bars} bars, ${timing.bpm} BPM)`,
    sampleRate,
    channels: channels.map((ch) => Float32Array.from(ch, (s) => s * gain)),
  };
}
