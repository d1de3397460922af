/**
 * Port protocol shared by the processors.
 *
 * In:  { type: 'plan', plan }            a new plan, applied click-free
 *      { type: 'release' }               the node is done with: process() returns false from
 *                                        then on, so the browser stops running the processor
 *                                        and can collect it once nothing feeds it
 * Out: { type: 'ready', latencySamples } once, from the constructor
 *      { type: 'meters', frame, … }      at most METER_RATE_HZ times a second
 *      { type: 'error', message }        a rejected message; the previous plan stays
 */
import { describeValue, PlanChecker, PlanError } from './plan-check.ts';
import type { WorkletPort } from './worklet-scope.ts';

export const METER_RATE_HZ = 30;

/** Root of the field paths in port-message errors: `headroom-chain: message.plan.amp …`. */
export const MESSAGE_ROOT = 'message.plan';
export const OPTIONS_ROOT = 'processorOptions.plan';

export function listenForPlans(port: WorkletPort, who: string, apply: (checker: PlanChecker, plan: unknown) => void, release: () => void): void {
  const checker = new PlanChecker(who, MESSAGE_ROOT);
  port.onmessage = (event) => {
    const data: unknown = event.data;
    const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
    if (type === 'release') {
      release();
      return;
    }
    if (type !== 'plan') {
      port.postMessage({ type: 'error', message: `${who}: unknown message (type ${describeValue(type)}); expected { type: 'plan', plan } or { type: 'release' }` });
      return;
    }
    try {
      apply(checker, (data as { plan?: unknown }).plan);
    } catch (error) {
      const message = error instanceof PlanError ? error.message : `${who}: plan rejected: ${error instanceof Error ? error.message : String(error)}`;
      port.postMessage({ type: 'error', message });
    }
  };
}

/** Counts rendered frames and says when a meter report is due (≤ METER_RATE_HZ per second). */
export class MeterClock {
  readonly periodFrames: number;
  private frames = 0;

  constructor(sampleRateHz: number) {
    this.periodFrames = Math.ceil(sampleRateHz / METER_RATE_HZ);
  }

  /** Adds a block; true when at least one period has passed since the last report. */
  tick(length: number): boolean {
    this.frames += length;
    if (this.frames < this.periodFrames) return false;
    this.frames = 0;
    return true;
  }
}
