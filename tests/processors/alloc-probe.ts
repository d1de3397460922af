/**
 * The processors' allocation probe in a fresh Node process:
 *
 *   node --import tsx tests/processors/alloc-probe.ts <three-nodes|chain-node|chain-node-gear|chain-node-rail>
 *
 * prints one JSON line `{ "growthBytes": n }`: the smallest heap growth over six windows of
 * 3 000 blocks after a 3 000-block warm-up (tests/dsp/alloc.ts), for the chain the
 * allocation tests use (a phone current-limited by four K371 on a splitter, the first
 * listener's network swapped for one that needs the 4× lane (tests/support/hard-networks.ts):
 * clip lanes, the shared interpolators, a 4× network and meters all run). `chain-node-gear`
 * runs setup@3's additions instead: hiss in the source and the amp, and shared returns on an
 * amp with independent, current-limited outputs (mid/side clip lanes and a mid/side amp input).
 * `chain-node-rail` runs the bench's kind of chain (bench/setups.ts): a phone whose limit is
 * its rail into an amp, a splitter and two headphones with network impedances, below the amp's
 * clipping point: the source's saturation at the rail, a flat amp input network and two 1×
 * lanes, the path every `headroom render` of an ordinary chain takes.
 *
 * Why a process of its own: what V8 has compiled, and how, depends on everything the
 * process ran before. Inside a test file that first drove the same processors through other
 * presets, rates and plans, a busy CI machine left some of them running unoptimised code that
 * boxes doubles (70–160 B per block) while the same probe alone reads 240 B in total. The
 * question is whether process() allocates in the steady state of a render, which a fresh
 * process running one chain answers.
 */
import { readFileSync } from 'node:fs';
import { amps } from '../../src/model/catalog/amps.ts';
import { headphones } from '../../src/model/catalog/headphones.ts';
import { presets } from '../../src/model/catalog/presets.ts';
import { sources } from '../../src/model/catalog/sources.ts';
import { splitters } from '../../src/model/catalog/splitters.ts';
import { compile, type Plan } from '../../src/model/compile.ts';
import type { Setup } from '../../src/model/setup.ts';
import { heapGrowthBytes } from '../dsp/alloc.ts';
import { FOUR_TIMES_NETWORK } from '../support/hard-networks.ts';
import { BLOCK, Chain, loadProcessors } from './harness.ts';

const RATE = 48_000;

function probePlan(): Plan {
  const setup: Setup = structuredClone(presets.find((x) => x.id === 'phone-four-k371-splitter')!.setup);
  const plan = compile(setup, RATE);
  const network = { numerator: [...FOUR_TIMES_NETWORK.numerator], denominator: [...FOUR_TIMES_NETWORK.denominator] };
  return { ...plan, listeners: plan.listeners.map((l, i) => (i === 0 ? { ...l, network } : l)) };
}

/** setup@3's chain (see the header): the stereo crosstalk fixture with hiss and a reachable jack limit. */
function gearPlan(): Plan {
  const setup = JSON.parse(readFileSync(new URL('../fixtures/ngspice/crosstalk-independent-outputs.setup.json', import.meta.url), 'utf8')) as Setup;
  setup.source.noise = { uVrms: 3, weighting: 'A' };
  setup.amp = { ...setup.amp!, noise: { uVrms: 5, weighting: 'unweighted' }, maxOutputCurrentMa: 20 };
  return compile(setup, RATE);
}

/** Phone → Magni 2 → Y splitter → HD 650 + DT 990 PRO 250 Ω (the bench chain), from the catalog. */
function railPlan(): Plan {
  const part = <T extends { id: string; part: object }>(list: readonly T[], id: string) => structuredClone(list.find((x) => x.id === id)!.part);
  const setup = {
    format: 'headroom/setup@1',
    signal: { levelDbfs: -10 },
    source: part(sources, 'iphone-6-jack'),
    amp: part(amps, 'schiit-magni-2'),
    splitter: part(splitters, 'passive-y-splitter-3-5mm'),
    headphones: [part(headphones, 'sennheiser-hd-650'), part(headphones, 'beyerdynamic-dt-990-pro-250')],
  } as Setup;
  const plan = compile(setup, RATE);
  if (plan.source.limitedBy !== 'rail' || plan.amp === null) throw new Error('the rail probe needs a rail-limited source and an amp');
  return plan;
}

async function main(kind: string | undefined): Promise<number> {
  const p = await loadProcessors(RATE);
  const plan = kind === 'chain-node-gear' ? gearPlan() : kind === 'chain-node-rail' ? railPlan() : probePlan();
  const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  for (let i = 0; i < BLOCK; i++) input[0]![i] = input[1]![i] = Math.sin(i / 3);
  if (kind === 'three-nodes') {
    const chain = new Chain(p, plan);
    for (const proc of [chain.source, chain.amp, chain.splitter]) if (proc) proc.port.record = false;
    chain.input[0]!.set(input[0]!);
    chain.input[1]!.set(input[1]!);
    return heapGrowthBytes(() => chain.step(), 3_000, 3_000);
  }
  if (kind === 'chain-node' || kind === 'chain-node-gear' || kind === 'chain-node-rail') {
    const node = new p.Chain({ numberOfOutputs: plan.listeners.length, processorOptions: { plan } });
    node.port.record = false;
    const inputs = [input];
    const outputs = plan.listeners.map(() => [new Float32Array(BLOCK), new Float32Array(BLOCK)]);
    return heapGrowthBytes(() => node.process(inputs, outputs), 3_000, 3_000);
  }
  throw new Error(`usage: alloc-probe.ts <three-nodes|chain-node|chain-node-gear|chain-node-rail> (got ${String(kind)})`);
}

main(process.argv[2]).then(
  (growthBytes) => process.stdout.write(`${JSON.stringify({ growthBytes })}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
