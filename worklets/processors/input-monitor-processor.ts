/**
 * `headroom-input-monitor`: what the performer hears while recording — the signal delayed
 * by the monitoring latency, optionally mixed with the direct sound (a comb filter).
 * 1 input, 1 output, stereo.
 *
 * Options: { plan: { delaySamples }, directMix?: 0…1 (default 0), maxDelaySamples?
 * (default 1 s at the context rate) }; message { type: 'plan', plan: { delaySamples, directMix? } }.
 * delaySamples comes from src/model/input/plan.ts `monitorPlan`. The delay changes at once.
 * Out: { type: 'ready', latencySamples: 0 }; { type: 'error', message } for a bad plan.
 */
import { MonitorDelay } from '../dsp/input-delay.ts';
import { copyInputToOutput, finiteNumber, listenForPlans, record } from './input-options.ts';
import { contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from './worklet-scope.ts';

const NAME = 'headroom-input-monitor';
const CHANNELS = 2;

export class HeadroomInputMonitorProcessor extends ProcessorBase {
  private readonly delay: MonitorDelay;
  private readonly maxDelaySamples: number;
  private directMix = 0;
  /** Always two entries, overwritten per block (setting length = 0 and pushing would reallocate). */
  private readonly spare = new Float32Array(128);
  private readonly io: Float32Array[] = [this.spare, this.spare];

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    const processorOptions = record(NAME, 'processorOptions', options?.processorOptions);
    const defaultMax = Math.round(contextSampleRate());
    this.maxDelaySamples = processorOptions['maxDelaySamples'] === undefined
      ? defaultMax
      : finiteNumber(NAME, 'maxDelaySamples', processorOptions['maxDelaySamples'], (v) => Number.isInteger(v) && v >= 0 && v <= 10 * defaultMax, `a whole number from 0 to ${10 * defaultMax}`);
    this.delay = new MonitorDelay(this.maxDelaySamples, CHANNELS);
    if (processorOptions['directMix'] !== undefined) this.directMix = finiteNumber(NAME, 'directMix', processorOptions['directMix'], (v) => v >= 0 && v <= 1, 'from 0 to 1');
    this.apply(processorOptions['plan']);
    listenForPlans(this.port, NAME, (plan) => this.apply(plan));
    this.port.postMessage({ type: 'ready', latencySamples: 0 });
  }

  private apply(value: unknown): void {
    const plan = record(NAME, 'plan', value);
    const delaySamples = finiteNumber(NAME, 'plan.delaySamples', plan['delaySamples'], (v) => Number.isInteger(v) && v >= 0 && v <= this.maxDelaySamples, `a whole number from 0 to ${this.maxDelaySamples}`);
    if (plan['directMix'] !== undefined) this.directMix = finiteNumber(NAME, 'plan.directMix', plan['directMix'], (v) => v >= 0 && v <= 1, 'from 0 to 1');
    this.delay.configure(delaySamples, this.directMix);
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const length = copyInputToOutput(inputs, outputs);
    if (length === 0) return true;
    const out = outputs[0]!;
    this.io[0] = out[0]!;
    // A mono output: the second ring runs on a scratch copy of the first channel.
    if (out.length > 1) this.io[1] = out[1]!;
    else {
      this.spare.set(out[0]!);
      this.io[1] = this.spare;
    }
    this.delay.process(this.io, length);
    return true;
  }
}
