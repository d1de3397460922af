/**
 * One input chain (A or B) of the input engine, built from the compiled input plan
 * (src/model/input/plan.ts `compileInput`):
 *
 *   in ─┬─ headroom-input-pickup ───────────────── instrument gate ─┐
 *       └─ headroom-input-converter ─ delay (= pickup latency) ─ mic gate ─┴─ headroom-input-monitor ─ fade ─→ heard bus
 *
 * - The instrument path is the pickup loaded by its cable and input (the input audio is the
 *   pickup's EMF); the microphone path is the mic channel (the input audio is sound pressure,
 *   a 0 dBFS sine standing for the calibration). One gate is 1 and the other 0; changing the
 *   path is a 5 ms equal-gain crossfade. Both processors run all the time.
 * - The converter branch is delayed by the pickup's oversampling latency, so every chain has
 *   the same latency whatever its path, and A and B stay at the same sample position.
 * - The monitor mixes the signal with its copy delayed by the model's monitoring latency when
 *   monitoring is on (equal parts: the comb filter); off, it passes the signal through.
 * - fade is the A/B switch.
 */
import type { IAudioWorkletNode, IDelayNode, IGainNode } from 'standardized-audio-context';
import type { EngineContext, EngineNode } from '../engine/context-types.ts';
import { ParamRamp } from '../engine/param-ramp.ts';
import { stereoWorkletNode } from '../engine/worklet-factory.ts';
import { pickups } from '../../model/catalog/input.ts';
import type { InputPath } from '../../model/input/contract.ts';
import { pickupPlan, type ConverterPlan, type InputPlan, type PickupPlan } from '../../model/input/plan.ts';
import { pickupLatencySamples } from '../../../worklets/dsp/input-pickup-stage.ts';

export const PICKUP_PROCESSOR = 'headroom-input-pickup';
export const CONVERTER_PROCESSOR = 'headroom-input-converter';
export const MONITOR_PROCESSOR = 'headroom-input-monitor';


/** A path change is as quick as the A/B switch and as click-free. */
export const PATH_CROSSFADE_SECONDS = 0.005;
/** The monitor's delay line holds this much; a longer monitoring latency is refused, not clamped. */
export const MAX_MONITOR_SECONDS = 2;
/** Monitoring: direct and delayed copies in equal parts (the deepest comb). */
export const MONITOR_DIRECT_MIX = 0.5;
/** Far above the pickup's oversampling latency (a few samples). */
const MAX_ALIGN_SECONDS = 0.05;

/** Placeholders for a path the choice does not use (its gate is 0): any valid plan. */
const IDLE_PICKUP: PickupPlan = pickupPlan({ pickup: pickups[0]!.part, cable: { capacitancePfPerM: 100, lengthM: 3 }, inputType: 'hi-z' });
const IDLE_CONVERTER: ConverterPlan = { signalGain: 0, noiseRms: 0, bitDepth: 24, dither: false };

export interface MonitorSetting {
  delaySamples: number;
  directMix: number;
}

export class InputChain {
  readonly input: IGainNode<EngineContext>;
  readonly fade: IGainNode<EngineContext>;
  readonly fadeRamp: ParamRamp;
  readonly pickup: IAudioWorkletNode<EngineContext>;
  readonly converter: IAudioWorkletNode<EngineContext>;
  readonly monitor: IAudioWorkletNode<EngineContext>;
  private readonly align: IDelayNode<EngineContext>;
  private readonly gates: Record<InputPath, { node: IGainNode<EngineContext>; ramp: ParamRamp }>;
  private sent = { pickup: '', converter: '', monitor: '' };
  private currentPath: InputPath;
  /** The pickup's latency in samples once its processor reported it. */
  latencySamples: number | null = null;

  constructor(
    private readonly context: EngineContext,
    readonly side: 'A' | 'B',
    plan: InputPlan,
    path: InputPath,
    monitor: MonitorSetting,
    heardBus: EngineNode,
    audible: boolean,
    private readonly onError: (message: string) => void,
    onLatency: (samples: number) => void,
  ) {
    this.currentPath = path;
    this.input = context.createGain();
    const pickupPlan = plan.pickup ?? IDLE_PICKUP;
    const converterPlan = plan.converter ?? IDLE_CONVERTER;
    this.pickup = this.node(PICKUP_PROCESSOR, { plan: pickupPlan });
    this.converter = this.node(CONVERTER_PROCESSOR, { plan: converterPlan });
    this.monitor = this.node(MONITOR_PROCESSOR, { plan: { delaySamples: monitor.delaySamples }, directMix: monitor.directMix, maxDelaySamples: maxMonitorSamples(context.sampleRate) });
    this.sent = { pickup: JSON.stringify(pickupPlan), converter: JSON.stringify(converterPlan), monitor: JSON.stringify(monitor) };
    this.align = context.createDelay(MAX_ALIGN_SECONDS);
    // In place before the first render quantum: the processor's 'ready' message may arrive
    // after an offline render has started, which made renders differ by when it came.
    this.align.delayTime.value = pickupLatencySamples(context.sampleRate) / context.sampleRate;
    const gate = (on: boolean) => {
      const node = context.createGain();
      return { node, ramp: new ParamRamp(node.gain, on ? 1 : 0) };
    };
    this.gates = { instrument: gate(path === 'instrument'), microphone: gate(path === 'microphone') };
    this.fade = context.createGain();
    this.fadeRamp = new ParamRamp(this.fade.gain, audible ? 1 : 0);

    this.input.connect(this.pickup).connect(this.gates.instrument.node).connect(this.monitor);
    this.input.connect(this.converter).connect(this.align).connect(this.gates.microphone.node).connect(this.monitor);
    this.monitor.connect(this.fade).connect(heardBus);

    this.pickup.port.onmessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; latencySamples?: number; message?: string };
      if (data.type === 'ready' && typeof data.latencySamples === 'number') {
        this.latencySamples = data.latencySamples;
        this.align.delayTime.value = data.latencySamples / context.sampleRate;
        onLatency(data.latencySamples);
      } else if (data.type === 'error') onError(`side ${side} pickup: ${data.message}`);
    };
    for (const [role, node] of [['converter', this.converter], ['monitor', this.monitor]] as const) {
      node.port.onmessage = (event: MessageEvent) => {
        const data = event.data as { type?: string; message?: string };
        if (data.type === 'error') onError(`side ${side} ${role}: ${data.message}`);
      };
    }
  }

  private node(name: string, processorOptions: Record<string, unknown>): IAudioWorkletNode<EngineContext> {
    return stereoWorkletNode(this.context, name, { inputs: 1, outputs: 1, processorOptions }, (message) => this.onError(`side ${this.side} ${message}`));
  }

  get path(): InputPath {
    return this.currentPath;
  }

  /** Sends the plans that changed; crossfades to `path` when it changed. */
  update(plan: InputPlan, path: InputPath, monitor: MonitorSetting, when: number): void {
    if (plan.pickup) this.send('pickup', this.pickup, plan.pickup);
    if (plan.converter) this.send('converter', this.converter, plan.converter);
    this.send('monitor', this.monitor, monitor);
    if (path !== this.currentPath) {
      this.currentPath = path;
      this.gates.instrument.ramp.to(path === 'instrument' ? 1 : 0, when, PATH_CROSSFADE_SECONDS);
      this.gates.microphone.ramp.to(path === 'microphone' ? 1 : 0, when, PATH_CROSSFADE_SECONDS);
    }
  }

  private send(key: keyof InputChain['sent'], node: IAudioWorkletNode<EngineContext>, plan: object): void {
    const text = JSON.stringify(plan);
    if (text === this.sent[key]) return;
    this.sent[key] = text;
    node.port.postMessage({ type: 'plan', plan });
  }

  dispose(): void {
    for (const node of [this.pickup, this.converter, this.monitor]) {
      node.port.onmessage = null;
      node.disconnect();
    }
    this.input.disconnect();
    this.align.disconnect();
    this.gates.instrument.node.disconnect();
    this.gates.microphone.node.disconnect();
    this.fade.disconnect();
  }
}

export function maxMonitorSamples(sampleRate: number): number {
  return Math.round(MAX_MONITOR_SECONDS * sampleRate);
}
