/**
 * The bench chain's DSP alone, timed in a tight loop: its source, amp and splitter stages
 * (the kernels headroom-chain runs, worklets/processors/*-stage.ts) on stereo noise, 2 000
 * blocks per round, 12 rounds, the best of the last 10. Run on Node's main thread and inside
 * node-web-audio-api's worklet thread (stage-timing.worklet.ts), it tells whether JS is slower
 * in that thread as such or only in a render, where every block starts on a thread that has
 * just been woken by the audio renderer (bench/node/js-speed.ts).
 */
import { compile } from '../src/model/compile.ts';
import { ampSettings, AmpStage } from '../worklets/processors/amp-stage.ts';
import { PlanChecker } from '../worklets/processors/plan-check.ts';
import { sourceSettings, SourceStage } from '../worklets/processors/source-stage.ts';
import { listenerSettings, SplitterStage } from '../worklets/processors/splitter-stage.ts';
import { fillNoise } from './graph.ts';
import { benchSetup } from './setups.ts';

const BLOCK = 128;
const BLOCKS_PER_ROUND = 2_000;
const ROUNDS = 12;
const WARMUP_ROUNDS = 2;

/** Microseconds of JS per 128-frame block for the bench chain's three stages. */
export function timeChainStages(sampleRateHz: number): number {
  const plan = compile(benchSetup(), sampleRateHz);
  const checker = new PlanChecker('bench', 'plan');
  const source = new SourceStage(sampleRateHz, 2, BLOCK, sourceSettings(checker, plan, sampleRateHz));
  const amp = new AmpStage(sampleRateHz, 2, BLOCK, ampSettings(checker, plan));
  const splitter = new SplitterStage(sampleRateHz, listenerSettings(checker, plan, sampleRateHz));
  const left = new Float32Array(BLOCK * BLOCKS_PER_ROUND);
  const right = new Float32Array(BLOCK * BLOCKS_PER_ROUND);
  fillNoise(left, right);
  const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const volts = [new Float64Array(BLOCK), new Float64Array(BLOCK)];
  const emf = [new Float64Array(BLOCK), new Float64Array(BLOCK)];
  const outputs = plan.listeners.map(() => [new Float32Array(BLOCK), new Float32Array(BLOCK)]);
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    let spent = 0;
    for (let block = 0; block < BLOCKS_PER_ROUND; block++) {
      // An element copy: subarray() would allocate a view per block.
      for (let i = 0; i < BLOCK; i++) {
        input[0]![i] = left[block * BLOCK + i]!;
        input[1]![i] = right[block * BLOCK + i]!;
      }
      const t0 = performance.now();
      source.process(input, volts, BLOCK);
      amp.process(volts, emf, BLOCK);
      splitter.processClean(emf, outputs, BLOCK);
      spent += performance.now() - t0;
    }
    if (round >= WARMUP_ROUNDS) best = Math.min(best, spent);
  }
  return (best * 1000) / BLOCKS_PER_ROUND;
}
