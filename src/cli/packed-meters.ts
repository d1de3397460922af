/**
 * headroom-chain's meters messages as numbers, for the render thread's replies
 * (render-thread.ts, direct-host.ts). The processor posts one meters object again and again, so
 * each message has to be copied when it is posted; a structured clone of it cost about 2.5 µs
 * there and as much again in the reply, a few per cent of the render thread's time. Packed in
 * a Float64Array, a reply carries them as one copy of the array. Per message: frame,
 * sourceClips, ampClips, then per listener peak left, peak right, rms left, rms right, clips.
 */
import type { ChainMeters } from '../audio/processor-contract.ts';

export type FramedMeters = ChainMeters & { frame: number };

const HEAD = 3;
const PER_LISTENER = 5;

/** The meters posted since the last `take`, packed. */
export class MetersPacker {
  private packed = new Float64Array(1024);
  private length = 0;

  add(message: FramedMeters): void {
    const listeners = message.listeners;
    const needed = this.length + HEAD + PER_LISTENER * listeners.length;
    if (needed > this.packed.length) {
      const grown = new Float64Array(2 * needed);
      grown.set(this.packed.subarray(0, this.length));
      this.packed = grown;
    }
    const p = this.packed;
    let at = this.length;
    p[at++] = message.frame;
    p[at++] = message.sourceClips;
    p[at++] = message.ampClips;
    for (const { peak, rms, clips } of listeners) {
      p[at++] = peak[0]!;
      p[at++] = peak[1]!;
      p[at++] = rms[0]!;
      p[at++] = rms[1]!;
      p[at++] = clips;
    }
    this.length = at;
  }

  /** The packed messages (a copy), and a fresh start. */
  take(): Float64Array {
    const taken = this.packed.slice(0, this.length);
    this.length = 0;
    return taken;
  }
}

/** The messages `MetersPacker` packed, for `listeners` listeners, in order. */
export function unpackMeters(packed: Float64Array, listeners: number): FramedMeters[] {
  const messages: FramedMeters[] = [];
  for (let at = 0; at < packed.length; ) {
    const message: FramedMeters = { type: 'meters', frame: packed[at]!, sourceClips: packed[at + 1]!, ampClips: packed[at + 2]!, listeners: [] };
    at += HEAD;
    for (let i = 0; i < listeners; i++, at += PER_LISTENER) {
      message.listeners.push({ peak: [packed[at]!, packed[at + 1]!], rms: [packed[at + 2]!, packed[at + 3]!], clips: packed[at + 4]! });
    }
    messages.push(message);
  }
  return messages;
}
