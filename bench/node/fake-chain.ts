/**
 * The bench chain's three reference processors (source → amp → splitter, from
 * bench/reference.worklet.ts: no longer in the product) wired by hand under faked worklet
 * globals, and beside them the same chain as one headroom-chain node (what chain-graph
 * builds, from the product's worklet bundle) on the same input, for measurements that call process() directly:
 * 128-frame stereo blocks, every buffer made here once, the input fed from a loop of
 * deterministic noise.
 */
import { dirname, join } from 'node:path';
import type { Plan } from '../../src/model/compile.ts';
import { fillNoise } from '../graph.ts';
import { loadProcessors, type FakeProcessor } from './fake-scope.ts';

export const BLOCK = 128;
/** The reference processors' bundle, built beside the worklet's (bench/lib/node-host.mjs). */
const REFERENCE_BUNDLE = 'reference.worklet.js';
export const STAGE_NAMES = ['headroom-source', 'headroom-amp', 'headroom-splitter', 'headroom-chain'] as const;

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
  const classes = new Map([...loadProcessors(join(dirname(bundlePath), REFERENCE_BUNDLE), plan.sampleRateHz), ...loadProcessors(bundlePath, plan.sampleRateHz)]);
  const listeners = plan.listeners.length;
  const stages = STAGE_NAMES.map((name, i) => {
    const Processor = classes.get(name);
    if (!Processor) throw new Error(`the worklet bundle registers no ${name}`);
    const outputs = i >= 2 ? listeners : 1;
    return new Processor({ numberOfInputs: 1, numberOfOutputs: outputs, outputChannelCount: Array(outputs).fill(2), processorOptions: { plan } });
  });

  const blocks = 4096;
  const noise = stereo().map(() => new Float32Array(BLOCK * blocks));
  fillNoise(noise[0]!, noise[1]!);
  const sourceIn = [stereo()];
  const sourceOut = [stereo()];
  const ampOut = [stereo()];
  const splitterOut = Array.from({ length: listeners }, stereo);
  const chainOut = Array.from({ length: listeners }, stereo);
  return {
    stages,
    io: [
      [sourceIn, sourceOut],
      [sourceOut, ampOut],
      [ampOut, splitterOut],
      [sourceIn, chainOut],
    ],
    parameters: {},
    feed(block) {
      const offset = (block % blocks) * BLOCK;
      for (let c = 0; c < 2; c++) sourceIn[0]![c]!.set(noise[c]!.subarray(offset, offset + BLOCK));
    },
  };
}
