/**
 * Adds up the clip counters of a chain's meters messages, per stage and per listener.
 * Each meters message counts the clipped samples since the previous one, so totals are
 * sums. A listener hears every clip upstream of it: the source's, the amp's, and its own
 * jack's (independent amp outputs).
 */
import type { MeterRole, ProcessorMessage } from './processor-contract.ts';

type MetersMessage = Extract<ProcessorMessage, { type: 'meters' }>;

export interface ClipTotals {
  source: number;
  amp: number;
  /** Per listener: clips at its own jack. */
  jacks: number[];
}

export class MeterTotals {
  readonly totals: ClipTotals = { source: 0, amp: 0, jacks: [] };
  messages = 0;

  add(role: MeterRole, message: MetersMessage): void {
    this.messages++;
    if (role === 'splitter') {
      (message.listeners ?? []).forEach((listener, i) => {
        this.totals.jacks[i] = (this.totals.jacks[i] ?? 0) + listener.clips;
      });
    } else {
      this.totals[role] += message.clips ?? 0;
    }
  }

  /** Clipped samples that reach listener i. */
  listenerClips(i: number): number {
    return this.totals.source + this.totals.amp + (this.totals.jacks[i] ?? 0);
  }
}
