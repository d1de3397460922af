/**
 * Fake AudioWorkletGlobalScope for processor tests: install the globals, then import the
 * processor modules (dynamically, so the fake base class exists when they evaluate), and
 * call `process()` block by block as the audio thread would.
 */
import { installWorkletGlobals as installGlobals, type WorkletGlobals } from '../../src/cli/worklet-globals.ts';
import type { Plan } from '../../src/model/compile.ts';

export const BLOCK = 128;

export class FakePort {
  messages: unknown[] = [];
  record = true;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  postMessage(message: unknown): void {
    if (this.record) this.messages.push(structuredClone(message));
  }
  send(data: unknown): void {
    this.onmessage?.({ data });
  }
  ofType<T = Record<string, unknown>>(type: string): T[] {
    return this.messages.filter((m) => (m as { type?: string }).type === type) as T[];
  }
}

let globals: WorkletGlobals<unknown> | null = null;

export function installWorkletGlobals(sampleRateHz: number): void {
  globals = installGlobals<unknown>(sampleRateHz, FakePort);
}

export function setSampleRate(sampleRateHz: number): void {
  globals!.setSampleRate(sampleRateHz);
}

export function registeredProcessors(): Map<string, unknown> {
  return globals!.registered;
}

export interface TestProcessor {
  port: FakePort;
  latencySamples: number;
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}

export type ProcessorClass = new (options?: { numberOfOutputs?: number; processorOptions?: unknown }) => TestProcessor;

export interface Processors {
  Source: ProcessorClass;
  Amp: ProcessorClass;
  Splitter: ProcessorClass;
  Chain: ProcessorClass;
}

export async function loadProcessors(sampleRateHz = 48_000): Promise<Processors> {
  installWorkletGlobals(sampleRateHz);
  const [{ HeadroomSourceProcessor }, { HeadroomAmpProcessor }, { HeadroomSplitterProcessor }, { HeadroomChainProcessor }] = await Promise.all([
    import('./reference/source-processor.ts'),
    import('./reference/amp-processor.ts'),
    import('./reference/splitter-processor.ts'),
    import('../../worklets/processors/chain-processor.ts'),
  ]);
  return {
    Source: HeadroomSourceProcessor as unknown as ProcessorClass,
    Amp: HeadroomAmpProcessor as unknown as ProcessorClass,
    Splitter: HeadroomSplitterProcessor as unknown as ProcessorClass,
    Chain: HeadroomChainProcessor as unknown as ProcessorClass,
  };
}

const stereo = (): Float32Array[] => [new Float32Array(BLOCK), new Float32Array(BLOCK)];

/** source → [amp] → splitter, wired by hand; buffers allocated once. */
export class Chain {
  readonly source: TestProcessor;
  readonly amp: TestProcessor | null;
  readonly splitter: TestProcessor;
  readonly input = stereo();
  private readonly sourceOut = [stereo()];
  private readonly ampOut = [stereo()];
  private readonly sourceIn: Float32Array[][] = [this.input];
  private readonly ampIn: Float32Array[][] = [this.sourceOut[0]!];
  private readonly splitterIn: Float32Array[][] = [this.sourceOut[0]!];
  readonly outputs: Float32Array[][];
  private frame = 0;

  constructor(p: Processors, plan: Plan) {
    const options = { processorOptions: { plan } };
    this.source = new p.Source(options);
    this.amp = plan.amp ? new p.Amp(options) : null;
    this.splitter = new p.Splitter({ numberOfOutputs: plan.listeners.length, processorOptions: { plan } });
    this.outputs = plan.listeners.map(() => stereo());
    if (this.amp) this.splitterIn[0] = this.ampOut[0]!;
  }

  get latencySamples(): number {
    return this.source.latencySamples + (this.amp?.latencySamples ?? 0) + this.splitter.latencySamples;
  }

  send(plan: Plan): void {
    for (const p of [this.source, this.amp, this.splitter]) p?.port.send({ type: 'plan', plan });
  }

  /** One block: `this.input` in, `this.outputs` out. */
  step(): void {
    globals!.setCurrentFrame(this.frame);
    this.source.process(this.sourceIn, this.sourceOut);
    this.amp?.process(this.ampIn, this.ampOut);
    this.splitter.process(this.splitterIn, this.outputs);
    this.frame += BLOCK;
  }

  /** Runs `blocks` blocks of a generator (sample index → value, same on both channels); returns listener × channel-0 signals. */
  run(blocks: number, signal: (n: number) => number, startSample = 0): Float64Array[] {
    const out = this.outputs.map(() => new Float64Array(blocks * BLOCK));
    for (let b = 0; b < blocks; b++) {
      for (let i = 0; i < BLOCK; i++) {
        const v = signal(startSample + b * BLOCK + i);
        this.input[0]![i] = v;
        this.input[1]![i] = v;
      }
      this.step();
      this.outputs.forEach((o, k) => out[k]!.set(o[0]!, b * BLOCK));
    }
    return out;
  }

  clipsSinceLastCall(): number {
    let total = 0;
    for (const p of [this.source, this.amp]) if (p) for (const m of p.port.ofType<{ clips: number }>('meters')) total += m.clips;
    for (const m of this.splitter.port.ofType<{ listeners: { clips: number }[] }>('meters')) for (const l of m.listeners) total += l.clips;
    for (const p of [this.source, this.amp, this.splitter]) if (p) p.port.messages = [];
    return total;
  }
}

export function rms(x: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum / (to - from));
}

export function maxStep(x: Float64Array, from: number, to: number): number {
  let worst = 0;
  for (let i = Math.max(1, from); i < to; i++) worst = Math.max(worst, Math.abs(x[i]! - x[i - 1]!));
  return worst;
}

export const db = (ratio: number): number => 20 * Math.log10(ratio);
