/**
 * The switch between two running paths (a listener's lanes, a network's two forms): the
 * incoming path runs unheard beside the heard one for a warm-up, so its start-up transient has
 * died, then the output crossfades to it on a raised cosine, w = ½ − ½cos(πk/N), whose slope
 * is zero at both ends. Both paths are bounded, so every sample is a bounded mix of the two.
 */
import { fillRaisedCosineRamp } from '../../src/math/raised-cosine.ts';
export const IDLE = 0;
export const WARMUP = 1;
export const CROSSFADE = 2;

export interface SwitchState {
  phase: number;
  position: number;
}

/** The raised-cosine weights of an n-sample crossfade, rising to 1 at the last sample. */
export function fadeCurve(samples: number): Float64Array {
  const n = Math.max(1, samples);
  return fillRaisedCosineRamp(new Float64Array(n), n);
}

/**
 * One block of a switch, in place on `heard` (per channel): unchanged while warming up, mixed
 * towards `incoming` while crossfading, `incoming` once done. Advances `state` (to IDLE at
 * the end of the crossfade, when the caller makes the incoming path the heard one).
 */
export function crossfadeBlock(state: SwitchState, heard: readonly Float64Array[], incoming: readonly Float64Array[], channels: number, length: number, warmupSamples: number, curve: Float64Array): void {
  let phase = state.phase;
  let position = state.position;
  for (let c = 0; c < channels; c++) {
    const a = heard[c]!;
    const b = incoming[c]!;
    phase = state.phase;
    position = state.position;
    for (let i = 0; i < length; i++) {
      if (phase === WARMUP) {
        if (++position >= warmupSamples) {
          phase = CROSSFADE;
          position = 0;
        }
      } else if (phase === CROSSFADE) {
        a[i] = a[i]! + curve[position]! * (b[i]! - a[i]!);
        if (++position >= curve.length) phase = IDLE;
      } else {
        a[i] = b[i]!;
      }
    }
  }
  state.phase = phase;
  state.position = position;
}
