/**
 * Adds up the clip counters of a chain's meters messages, per stage and per listener. Each
 * meters message counts the clipped samples since the previous one, so totals are sums; what
 * reaches a listener is `listenerClips` (processor-contract.ts).
 */
import { listenerClips, type ChainMeters } from './processor-contract.ts';

export class MeterTotals {
  readonly totals = { sourceClips: 0, ampClips: 0, listeners: [] as { clips: number }[] };
  messages = 0;

  add(message: ChainMeters): void {
    this.messages++;
    this.totals.sourceClips += message.sourceClips;
    this.totals.ampClips += message.ampClips;
    message.listeners.forEach((listener, i) => {
      const total = (this.totals.listeners[i] ??= { clips: 0 });
      total.clips += listener.clips;
    });
  }

  /** Clipped samples that reach listener i. */
  listenerClips(i: number): number {
    return listenerClips(this.totals, i);
  }
}
