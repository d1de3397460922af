/**
 * `headroom-input-converter`: a microphone channel — preamp gain and noise, converter
 * clipping and quantization (with optional TPDF dither). 1 input (sound pressure: a 0 dBFS
 * sine stands for the plan's calibration), 1 output (the converter's samples), stereo,
 * each channel with its own noise.
 *
 * Options / message plan: { signalGain, noiseRms, bitDepth, dither } (src/model/input/plan.ts
 * `converterPlan`); a condenser without phantom power has signalGain 0: only noise is left.
 * Out: { type: 'ready', latencySamples: 0 }; { type: 'meters', frame, clipCount } ≤ 30×/s;
 * { type: 'error', message } for a bad plan.
 */
import { InputConverter } from '../dsp/input-converter.ts';
import { MeterClock } from './messages.ts';
import { copyInputToOutput, finiteNumber, listenForPlans, record } from './input-options.ts';
import { contextFrame, contextSampleRate, ProcessorBase, type ProcessorNodeOptions } from './worklet-scope.ts';

const NAME = 'headroom-input-converter';
const CHANNELS = 2;

export class HeadroomInputConverterProcessor extends ProcessorBase {
  private readonly converters: InputConverter[];
  private readonly clock: MeterClock;
  private readonly message = { type: 'meters', frame: 0, clipCount: 0 };

  constructor(options?: ProcessorNodeOptions) {
    super(options);
    this.converters = Array.from({ length: CHANNELS }, (_, c) => new InputConverter(0x9e3779b9 + 0x6d2b79f5 * c));
    this.clock = new MeterClock(contextSampleRate());
    this.apply(record(NAME, 'processorOptions', options?.processorOptions)['plan']);
    listenForPlans(this.port, NAME, (plan) => this.apply(plan));
    this.port.postMessage({ type: 'ready', latencySamples: 0 });
  }

  private apply(value: unknown): void {
    const plan = record(NAME, 'plan', value);
    const settings = {
      signalGain: finiteNumber(NAME, 'plan.signalGain', plan['signalGain'], (v) => v >= 0, '>= 0'),
      noiseRms: finiteNumber(NAME, 'plan.noiseRms', plan['noiseRms'], (v) => v >= 0, '>= 0'),
      bitDepth: finiteNumber(NAME, 'plan.bitDepth', plan['bitDepth'], (v) => v === 16 || v === 24, '16 or 24'),
      dither: plan['dither'],
    };
    if (typeof settings.dither !== 'boolean') throw new RangeError(`${NAME}: plan.dither must be true or false (got ${JSON.stringify(settings.dither)})`);
    for (const converter of this.converters) converter.configure(settings as { signalGain: number; noiseRms: number; bitDepth: number; dither: boolean });
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const length = copyInputToOutput(inputs, outputs);
    if (length === 0) return true;
    const out = outputs[0]!;
    for (let c = 0; c < out.length && c < CHANNELS; c++) this.converters[c]!.process(out[c]!, out[c]!, length);
    if (this.clock.tick(length)) {
      let clips = 0;
      // An index loop: for…of would allocate an iterator in this rarely run branch.
      for (let c = 0; c < this.converters.length; c++) {
        clips += this.converters[c]!.clipCount;
        this.converters[c]!.clipCount = 0;
      }
      this.message.frame = contextFrame();
      this.message.clipCount = clips;
      this.port.postMessage(this.message);
    }
    return true;
  }
}
