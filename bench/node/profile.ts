/**
 * What each processor costs in plain JS: the bench chain's processors under faked worklet
 * globals (fake-chain.ts), process() called in a loop with no Web Audio host around it, so the
 * figures show the processors' own cost apart from any host's scheduling. ×RT per processor =
 * audio seconds processed / seconds spent in its process(); `chain` is the three stage nodes
 * together, `headroom-chain` the one node that runs them all (what the app builds).
 */
import { compile } from '../../src/model/compile.ts';
import { benchSetup } from '../setups.ts';
import { BLOCK, createFakeChain, STAGE_NAMES } from './fake-chain.ts';

const SAMPLE_RATE = 48_000;
const WARMUP_BLOCKS = 2_000;
/** 20 s of audio. */
const MEASURED_BLOCKS = 7_500;

export type ProfileResult = Record<(typeof STAGE_NAMES)[number] | 'chain', number>;

const THREE_STAGES = 3;

export function profileProcessors(bundlePath: string): ProfileResult {
  const { stages, io, parameters, feed } = createFakeChain(bundlePath, compile(benchSetup(), SAMPLE_RATE));
  const spent = stages.map(() => 0);
  for (let block = 0; block < WARMUP_BLOCKS + MEASURED_BLOCKS; block++) {
    feed(block);
    for (let s = 0; s < stages.length; s++) {
      const t0 = performance.now();
      stages[s]!.process(io[s]![0], io[s]![1], parameters);
      if (block >= WARMUP_BLOCKS) spent[s]! += performance.now() - t0;
    }
  }
  const audioSeconds = (MEASURED_BLOCKS * BLOCK) / SAMPLE_RATE;
  const x = (ms: number) => Number((audioSeconds / (ms / 1000)).toFixed(1));
  const result = Object.fromEntries(STAGE_NAMES.map((name, s) => [name, x(spent[s]!)])) as ProfileResult;
  result.chain = x(spent.slice(0, THREE_STAGES).reduce((a, b) => a + b, 0));
  return result;
}
