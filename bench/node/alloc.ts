/**
 * allocatingProcessCalls: how many process() calls allocate on the JS heap after warm-up.
 *
 * The bench chain's three processors (source → amp → splitter, two listeners) and the same
 * chain as one headroom-chain node run under faked worklet globals (fake-scope.ts) on stereo
 * noise, 128-frame blocks. V8 bumps the new-space
 * top on every allocation and collects only when the space fills, so heapUsed read right
 * before and after a call shows any allocation inside it (even 16 bytes). Reading heapUsed
 * allocates a little itself (the memoryUsage() result, unless the optimiser removes it), so
 * every call is bracketed differentially: a = heapUsed, b = heapUsed, call, c = heapUsed; the
 * call allocated iff (c − b) > (b − a). If either difference is negative a scavenge ran and the
 * call is counted as unmeasured. The same probe is run on an empty function (probeNoise: calls
 * that look allocating although nothing was) and on one that allocates a 4-element
 * Float64Array (probeSensitivity: the fraction of allocating calls it catches).
 * The measured span includes plan changes (volume up and down, every 2 s), applied at message
 * time as in a worklet, so the processors' ramps and crossfades run inside measured calls;
 * allocating calls that are a stage's first after a plan message are also counted apart.
 * Warm-up (16 000 blocks) and measurement run in one loop through the same probe, so the
 * probe's own code is compiled before the measured span (see the loop's comment).
 * BENCH_ALLOC_DEBUG=1 prints every allocating call after the run (stage, block since the plan
 * message, bytes; warm-up calls marked).
 */
import { compile, type Plan } from '../../src/model/compile.ts';
import { benchSetup } from '../setups.ts';
import { createFakeChain, STAGE_NAMES } from './fake-chain.ts';

const SAMPLE_RATE = 48_000;
const WARMUP_BLOCKS = 16_000;
const MEASURED_BLOCKS = 8_000;
const PLAN_CHANGE_EVERY = 750;

export interface AllocResult {
  allocatingProcessCalls: number;
  /** Of those, the first call of a stage after a plan message (where a processor may apply the plan). */
  firstCallsAfterPlanMessage: number;
  measuredProcessCalls: number;
  unmeasuredCalls: number;
  probeNoise: number;
  probeSensitivity: number;
  bytesAllocated: number;
}

function plans(): Plan[] {
  const quiet = benchSetup();
  quiet.source.volumeDb = -6;
  return [compile(benchSetup(), SAMPLE_RATE), compile(quiet, SAMPLE_RATE)];
}

export function countAllocatingCalls(bundlePath: string): AllocResult {
  const [plan, other] = plans() as [Plan, Plan];
  const { stages, io, parameters, feed: feedNoise } = createFakeChain(bundlePath, plan);
  let block = 0;
  const feed = () => {
    feedNoise(block);
    if (block > 0 && block % PLAN_CHANGE_EVERY === 0) {
      const next = (block / PLAN_CHANGE_EVERY) % 2 === 1 ? other : plan;
      for (const stage of stages) stage.port.deliver({ type: 'plan', plan: next });
    }
    block++;
  };

  // Warm-up and measurement are one loop through the same probe and the same closure: if
  // the measured span ran code the warm-up had not (another loop, another closure site),
  // that code would tier up or deoptimise inside the measured brackets, and V8's code
  // installation allocates there, showing as a few allocating calls that are the probe's.
  // Debug lines are printed after the loop: console.error inside it would be new code there.
  const debug: string[] = [];
  let allocating = 0;
  let atPlanChange = 0;
  let unmeasured = 0;
  let bytes = 0;
  for (let i = 0; i < WARMUP_BLOCKS + MEASURED_BLOCKS; i++) {
    if (i === WARMUP_BLOCKS) {
      allocating = 0;
      atPlanChange = 0;
      unmeasured = 0;
      bytes = 0;
    }
    feed();
    for (let s = 0; s < stages.length; s++) {
      const stage = stages[s]!;
      const [inputs, outputs] = io[s]!;
      const grown = allocatedBy(() => stage.process(inputs, outputs, parameters));
      if (Number.isNaN(grown)) unmeasured++;
      else if (grown > 0) {
        allocating++;
        bytes += grown;
        if (block % PLAN_CHANGE_EVERY === 1) atPlanChange++;
        debug.push(`${i >= WARMUP_BLOCKS ? '' : '(warm-up) '}${STAGE_NAMES[s]}, block ${(block - 1) % PLAN_CHANGE_EVERY} after a plan message: ${grown} B`);
      }
    }
  }

  if (process.env.BENCH_ALLOC_DEBUG) for (const line of debug) console.error(line);
  return {
    allocatingProcessCalls: allocating,
    firstCallsAfterPlanMessage: atPlanChange,
    measuredProcessCalls: MEASURED_BLOCKS * stages.length,
    unmeasuredCalls: unmeasured,
    probeNoise: probe(() => {}, MEASURED_BLOCKS * stages.length),
    probeSensitivity: probe(allocateSmall, MEASURED_BLOCKS) / MEASURED_BLOCKS,
    bytesAllocated: bytes,
  };
}

let sink: Float64Array | null = null;
function allocateSmall(): void {
  sink = new Float64Array(4);
}

/** Bytes `run` allocated on the JS heap (differential, see above); NaN when a scavenge interfered. */
function allocatedBy(run: () => void): number {
  const a = process.memoryUsage().heapUsed;
  const b = process.memoryUsage().heapUsed;
  run();
  const c = process.memoryUsage().heapUsed;
  if (b < a || c < b) return NaN;
  return c - b - (b - a);
}

/** Calls of `run` that the probe sees as allocating, after a warm-up of the probe loop itself. */
function probe(run: () => void, calls: number): number {
  for (let i = 0; i < 2_000; i++) allocatedBy(run);
  let seen = 0;
  for (let i = 0; i < calls; i++) if (allocatedBy(run) > 0) seen++;
  if (sink && sink.length !== 4) throw new Error('unreachable');
  return seen;
}
