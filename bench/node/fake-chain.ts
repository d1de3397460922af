/**
 * The bench chain as one headroom-chain node (what chain-graph builds) under faked worklet
 * globals, for measurements that call process() directly: 128-frame stereo blocks, every
 * buffer made here once, the input fed from a loop of deterministic noise.
 */
import type { Plan } from '../../src/model/compile.ts';
import { fillNoise } from '../graph.ts';
import { loadProcessors, type FakeProcessor } from './fake-scope.ts';

export const BLOCK = 128;
export const STAGE_NAMES = ['headroom-chain'] as const;

export interface FakeChain {
  stages: FakeProcessor[];
  /** [inputs, outputs] of each stage, in signal order. */
  io: [Float32Array[][], Float32Array[][]][];
  parameters: Record<string, Float32Array>;
  /** Copies block number `block` of the noise loop into the source's input. */
  feed(block: number): void;
}

const stereo = (): Float32Array[] => [new Float32Array(BLOCK), new Float32Array(BLOCK)];

export function createFakeChain(bundlePath: string, plan: Plan): FakeChain {
  const classes = loadProcessors(bundlePath, plan.sampleRateHz);
  const listeners = plan.listeners.length;
  const stages = STAGE_NAMES.map((name) => {
    const Processor = classes.get(name);
    if (!Processor) throw new Error(`the worklet bundle registers no ${name}`);
    return new Processor({ numberOfInputs: 1, numberOfOutputs: listeners, outputChannelCount: Array(listeners).fill(2), processorOptions: { plan } });
  });

  const blocks = 4096;
  const noise = stereo().map(() => new Float32Array(BLOCK * blocks));
  fillNoise(noise[0]!, noise[1]!);
  const sourceIn = [stereo()];
  const chainOut = Array.from({ length: listeners }, stereo);
  return {
    stages,
    io: [[sourceIn, chainOut]],
    parameters: {},
    feed(block) {
      const offset = (block % blocks) * BLOCK;
      for (let c = 0; c < 2; c++) sourceIn[0]![c]!.set(noise[c]!.subarray(offset, offset + BLOCK));
    },
  };
}
