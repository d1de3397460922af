/**
 * Fuzzed processor options (fast-check): plans compiled from random valid setups, then
 * mutated (wrong types, NaN/±Infinity, zero, negative, 1e±300, huge or empty coefficient
 * arrays, wrong listener counts and rates), and plain random JSON, go into the three
 * processors' constructors under the faked worklet scope (tests/processors/harness.ts), and
 * into a working processor's port as `{ type: 'plan', plan }` messages.
 *
 * Properties:
 *  - the constructor either throws a PlanError whose message starts with
 *    `headroom-<name>: processorOptions.plan` and names a field, or builds a processor;
 *  - a rejected port message posts `{ type: 'error', message }` naming `message.plan…`;
 *  - a processor, whatever it accepted, outputs only finite numbers and no Float32 subnormals
 *    for random finite input: full-scale noise, Float32 subnormals (1e-45…1e-38), ±1e30,
 *    ±3.4e38 (Float32's largest), and per-sample mixtures of them.
 *
 * Seeds: fast-check prints `seed` and `path` with a failing case; replay it with
 * FUZZ_SEED=<seed> FUZZ_PATH=<path> npx vitest run --project node tests/fuzz/processor-options.fuzz.test.ts
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type Plan } from '../../src/model/compile.ts';
import type { Setup } from '../../src/model/setup.ts';
import { BLOCK, loadProcessors, setSampleRate, type ProcessorClass, type Processors, type TestProcessor } from '../processors/harness.ts';
import { validSetup } from '../state/arbitraries.ts';
import { fuzzParameters } from './fuzz-parameters.ts';
import { mulberry32 } from '../../src/math/random.ts';

const RATES = [8000, 44_100, 48_000, 96_000, 384_000] as const;
const BLOCKS_PER_CASE = 24;
/** The properties take 1–10 s here; on a loaded 2-core machine (and while fast-check shrinks a failure) far longer. */
const FUZZ_TIMEOUT_MS = 300_000;
const FLOAT32_SMALLEST_NORMAL = 1.1754943508222875e-38;

let p: Processors;
beforeAll(async () => {
  p = await loadProcessors(48_000);
});

type Kind = 'Source' | 'Amp' | 'Splitter';
const NAMES: Record<Kind, string> = { Source: 'headroom-source', Amp: 'headroom-amp', Splitter: 'headroom-splitter' };

/** Setups without impedance curves: fitting a random curve takes up to a second, and its plan is a network's like any other (tests/model/curve-fit.test.ts). */
const compilable: fc.Arbitrary<Setup> = validSetup.filter((s) => s.headphones.every((h) => h.impedance.curve == null || h.impedance.network != null));

function planFor(setup: Setup, rate: number): Plan | null {
  try {
    return compile(setup, rate);
  } catch {
    return null;
  }
}

const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(Number.NaN, Infinity, -Infinity, 0, -0, -1, 1e300, -1e300, 1e-300, 5e-324, 1e30, 'NaN', '1', '', null, undefined, true, [], {}, [Number.NaN], [0], [1, 0, 0]),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 0, maxLength: 12 }),
  fc.integer({ min: 13, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 1e-3))),
);

type Key = string | number;
function pathsOf(value: unknown, prefix: Key[] = [], into: Key[][] = []): Key[][] {
  const entries: [Key, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : typeof value === 'object' && value !== null ? Object.entries(value) : [];
  for (const [key, v] of entries) {
    into.push([...prefix, key]);
    pathsOf(v, [...prefix, key], into);
  }
  return into;
}

/** Replaces (or deletes, for `undefined`) the value at one path of a deep copy. */
function mutate(plan: Plan, pick: number, value: unknown): unknown {
  const copy = structuredClone(plan) as unknown as Record<Key, unknown>;
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length]!;
  let parent: Record<Key, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<Key, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
  return copy;
}

interface Case {
  kind: Kind;
  rate: number;
  /** The plan handed over (a compiled plan, a mutated one, or random JSON). */
  plan: unknown;
  /** numberOfOutputs for the splitter: the listener count or something else. */
  outputs: number | 'match';
  inputs: number[];
}

/** Input sample kinds: finite numbers a host may deliver, from subnormal to Float32's largest. */
const sampleKind = fc.constantFrom('noise', 'subnormal', 'huge', 'max', 'mixed', 'zero');
function sampleOf(kind: string, random: () => number): number {
  const sign = random() < 0.5 ? -1 : 1;
  switch (kind) {
    case 'noise':
      return 2 * random() - 1;
    case 'subnormal':
      return sign * Math.fround(1e-45 + random() * 1e-38);
    case 'huge':
      return sign * 1e30;
    case 'max':
      return sign * 3.4028234663852886e38;
    case 'zero':
      return 0;
    default:
      return sampleOf(['noise', 'subnormal', 'huge', 'max', 'zero'][Math.floor(random() * 5)]!, random);
  }
}

const caseArb = (planSource: fc.Arbitrary<{ rate: number; plan: unknown }>): fc.Arbitrary<Case> =>
  fc.record({
    kind: fc.constantFrom<Kind>('Source', 'Amp', 'Splitter'),
    planned: planSource,
    outputs: fc.oneof({ weight: 9, arbitrary: fc.constant('match' as const) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9 }) }),
    inputs: fc.array(sampleKind, { minLength: BLOCKS_PER_CASE, maxLength: BLOCKS_PER_CASE }),
  }).map(({ kind, planned, outputs, inputs }) => ({ kind, rate: planned.rate, plan: planned.plan, outputs, inputs: inputs.map((k) => ['noise', 'subnormal', 'huge', 'max', 'mixed', 'zero'].indexOf(k)) }));

const compiledPlan = fc.tuple(compilable, fc.constantFrom(...RATES)).map(([setup, rate]) => ({ rate, plan: planFor(setup, rate) })).filter((x) => x.plan !== null);
const mutatedPlan = fc.tuple(compiledPlan, fc.nat(), nasty).map(([{ rate, plan }, pick, value]) => ({ rate, plan: mutate(plan as Plan, pick, value) }));
const randomPlan = fc.tuple(fc.constantFrom(...RATES), fc.oneof(fc.jsonValue(), fc.record({ sampleRateHz: fc.constantFrom(...RATES), source: fc.jsonValue(), amp: fc.jsonValue(), listeners: fc.jsonValue() }))).map(([rate, plan]) => ({ rate, plan }));

const listenerCount = (plan: unknown): number => {
  const list = (plan as { listeners?: unknown } | null)?.listeners;
  return Array.isArray(list) ? list.length : 1;
};

/** Builds the processor or returns the error it threw. */
function construct(c: Case): { processor: TestProcessor; outputs: number } | { error: unknown } {
  setSampleRate(c.rate);
  // headroom-source and headroom-amp have one output; the splitter one per listener.
  const outputs = c.kind !== 'Splitter' ? 1 : c.outputs === 'match' ? listenerCount(c.plan) : c.outputs;
  const Class: ProcessorClass = p[c.kind];
  try {
    return { processor: new Class({ numberOfOutputs: outputs, processorOptions: { plan: c.plan } }), outputs };
  } catch (error) {
    return { error };
  }
}

const FIELD = /^headroom-(source|amp|splitter): (processorOptions|message)\.plan(\.[A-Za-z]+|\[\d+\])*( |$)/;

function expectClearError(kind: Kind, error: unknown): void {
  expect(error, String(error)).toBeInstanceOf(Error);
  const e = error as Error;
  expect(e.name, e.message).toBe('PlanError');
  expect(e.message.startsWith(`${NAMES[kind]}: processorOptions.plan`), e.message).toBe(true);
  expect(e.message).toMatch(FIELD);
}

let seeded = 1;
/** Runs the blocks; every output sample must be finite and not a Float32 subnormal. */
function expectFiniteOutput(processor: TestProcessor, outputCount: number, kinds: number[]): void {
  const random = mulberry32(seeded++);
  const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const outputs = Array.from({ length: Math.max(1, outputCount) }, () => [new Float32Array(BLOCK), new Float32Array(BLOCK)]);
  const names = ['noise', 'subnormal', 'huge', 'max', 'mixed', 'zero'];
  for (const k of kinds) {
    for (let i = 0; i < BLOCK; i++) {
      input[0]![i] = sampleOf(names[k]!, random);
      input[1]![i] = sampleOf(names[k]!, random);
    }
    for (const out of outputs) for (const ch of out) ch.fill(Number.NaN);
    processor.process([input], outputs);
    for (const [o, out] of outputs.entries()) {
      for (const [c, ch] of out.entries()) {
        for (let i = 0; i < BLOCK; i++) {
          const v = ch[i]!;
          if (!Number.isFinite(v) || (v !== 0 && Math.abs(v) < FLOAT32_SMALLEST_NORMAL)) {
            throw new Error(`output ${o} channel ${c} sample ${i} is ${v} after a block of ${names[k]} input`);
          }
        }
      }
    }
  }
}

function exercise(c: Case): void {
  const built = construct(c);
  if ('error' in built) {
    expectClearError(c.kind, built.error);
    return;
  }
  expectFiniteOutput(built.processor, built.outputs, c.inputs);
}

describe('processor options under fuzzed plans', () => {
  it('compiled plans from random valid setups build a processor with finite output for any finite input', () => {
    fc.assert(
      fc.property(caseArb(compiledPlan), (c) => {
        const built = construct(c);
        // A compiled plan is valid by construction: only the amp without an amp, or a wrong output count, may refuse.
        if ('error' in built) {
          const amplessAmp = c.kind === 'Amp' && (c.plan as Plan).amp === null;
          const wrongOutputs = c.kind === 'Splitter' && c.outputs !== 'match';
          expect(amplessAmp || wrongOutputs, String(built.error)).toBe(true);
          expectClearError(c.kind, built.error);
          return;
        }
        expectFiniteOutput(built.processor, built.outputs, c.inputs);
      }),
      fuzzParameters(60),
    );
  }, FUZZ_TIMEOUT_MS);

  it('mutated plans either throw a PlanError naming the field or run with finite output', () => {
    fc.assert(fc.property(caseArb(mutatedPlan), exercise), fuzzParameters(180));
  }, FUZZ_TIMEOUT_MS);

  it('random JSON as a plan is refused with a PlanError naming the field', () => {
    fc.assert(fc.property(caseArb(randomPlan), exercise), fuzzParameters(150));
  }, FUZZ_TIMEOUT_MS);

  it('a working processor answers fuzzed port messages with an error naming message.plan…, or takes the plan; output stays finite', () => {
    fc.assert(
      fc.property(caseArb(compiledPlan), fc.array(fc.oneof(mutatedPlan, randomPlan), { minLength: 1, maxLength: 4 }), (c, messages) => {
        const built = construct({ ...c, outputs: 'match' });
        if ('error' in built) return; // an ampless plan for headroom-amp: covered above
        const { processor, outputs } = built;
        for (const message of messages) {
          processor.port.messages = [];
          processor.port.send({ type: 'plan', plan: message.plan });
          for (const m of processor.port.ofType<{ message: string }>('error')) {
            expect(m.message.startsWith(`${NAMES[c.kind]}: `), m.message).toBe(true);
            // PlanErrors name message.plan…; nothing else (a bare "plan rejected: …") may reach the port.
            expect(m.message, m.message).toMatch(/^headroom-(source|amp|splitter): message\.plan(\.[A-Za-z]+|\[\d+\])*( |$)/);
          }
          expectFiniteOutput(processor, outputs, c.inputs.slice(0, 8));
        }
        processor.port.send('not an object');
        expect(processor.port.ofType<{ message: string }>('error').at(-1)?.message).toMatch(/^headroom-(source|amp|splitter): unknown message \(type undefined\)/);
      }),
      fuzzParameters(60),
    );
  }, FUZZ_TIMEOUT_MS);

  it('a finite input never leaves the splitter as +Infinity when |input · outputGain| exceeds Float32 (a compiled plan, sensitivity 3 dB over the calibration)', () => {
    setSampleRate(48_000);
    const setup: Setup = {
      format: 'headroom/setup@1',
      signal: { levelDbfs: 0 },
      source: { name: 'S', outputImpedanceOhms: 0, maxOutputVrms: 1, volumeDb: 0 },
      amp: null,
      splitter: null,
      headphones: [{ name: 'H', sensitivity: { value: 124, unit: 'dB/V' }, impedance: { nominalOhms: 32 } }],
    };
    const plan = compile(setup, 48_000);
    expect(plan.listeners[0]!.outputGain).toBeGreaterThan(1);
    const splitter = new p.Splitter({ numberOfOutputs: 1, processorOptions: { plan } });
    const input = [new Float32Array(BLOCK).fill(3.4028234663852886e38), new Float32Array(BLOCK).fill(3.4028234663852886e38)];
    const out = [[new Float32Array(BLOCK), new Float32Array(BLOCK)]];
    let worst = 0;
    for (let b = 0; b < 4; b++) {
      splitter.process([input], out);
      for (const ch of out[0]!) for (const v of ch) if (!Number.isFinite(v)) worst = v;
    }
    expect(worst).toBe(0);
  });

  it('a listener network with a pole at s ≈ 0 (denominator [1e-300, 1], z = 1 after rounding) is refused with a PlanError naming the network', () => {
    setSampleRate(8000);
    const setup: Setup = {
      format: 'headroom/setup@1',
      signal: { levelDbfs: 0 },
      source: { name: 'S', outputImpedanceOhms: 0, maxOutputVrms: 1, volumeDb: 0 },
      amp: null,
      splitter: null,
      headphones: [{ name: 'H', sensitivity: { value: 100, unit: 'dB/V' }, impedance: { nominalOhms: 32 } }],
    };
    const plan = compile(setup, 8000);
    plan.listeners[0]!.network = { numerator: [0, 1], denominator: [1e-300, 1] } as Plan['listeners'][number]['network'];
    expect(() => new p.Splitter({ numberOfOutputs: 1, processorOptions: { plan } })).toThrow(/^headroom-splitter: processorOptions\.plan\.listeners\[0\]\.network cannot be realised: pole at -(1e-300|9\.9+e-301) \+ 0j maps to \|z\| = 1 /);
    // The same plan as a port message: an error naming message.plan…, the old plan kept.
    const working = new p.Splitter({ numberOfOutputs: 1, processorOptions: { plan: compile(setup, 8000) } });
    working.port.send({ type: 'plan', plan });
    expect(working.port.ofType<{ message: string }>('error').map((m) => m.message)).toEqual([expect.stringMatching(/^headroom-splitter: message\.plan\.listeners\[0\]\.network cannot be realised: /)]);
    expectFiniteOutput(working, 1, [0, 0, 0, 0]);
  });

  it('a valid setup whose networks have a pole far above Nyquist (0.1 Ω headphones, leMh 8e-21, at 8 kHz) plays: accepted, unity response, finite output', () => {
    setSampleRate(8000);
    const headphone = (reOhms: number, leMh: number): Setup['headphones'][number] => ({ name: 'H', sensitivity: { value: 60, unit: 'dB/V' }, impedance: { network: { reOhms, leMh, motional: null } } });
    const setup: Setup = {
      format: 'headroom/setup@1',
      signal: { levelDbfs: 0 },
      source: { name: 'S', outputImpedanceOhms: 0, maxOutputVrms: 0.001, maxOutputCurrentMa: null, couplingCapacitorUf: null, volumeDb: 0 },
      amp: null,
      splitter: null,
      // fast-check's shrunk counterexample, digit for digit (0.1 in both fails to fail).
      headphones: [headphone(0.1, 7.957747150076835e-21), headphone(0.10000000000000016, 4.517933099681286e-30)],
    };
    const plan = compile(setup, 8000);
    // H(s) = (s + 1.26e22)/(s + 1.26e22): once z ≈ −1 exactly (an unstable section), now a far root at −10⁴·K.
    const splitter = new p.Splitter({ numberOfOutputs: 2, processorOptions: { plan } });
    expectFiniteOutput(splitter, 2, [0, 1, 2, 3, 4, 5, 0, 0]);
    // A 1 kHz sine comes out at the listener's output gain (the network is flat), after the latency.
    const input = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
    const outputs = [0, 1].map(() => [new Float32Array(BLOCK), new Float32Array(BLOCK)]);
    let peak = [0, 0];
    for (let b = 0; b < 40; b++) {
      for (let i = 0; i < BLOCK; i++) input[0]![i] = input[1]![i] = 0.5 * Math.sin((2 * Math.PI * 1000 * (b * BLOCK + i)) / 8000);
      splitter.process([input], outputs);
      if (b >= 20) peak = peak.map((x, o) => Math.max(x, ...outputs[o]![0]!.map(Math.abs)));
    }
    plan.listeners.forEach((listener, o) => expect(Math.abs(20 * Math.log10(peak[o]! / (0.5 * listener.outputGain)))).toBeLessThan(0.01));
  });
});
