/** fast-check arbitraries of valid `headroom/setup@1` setups and pairs, for the state round-trip properties. */
import fc from 'fast-check';
import { displayName } from '../../src/model/contract-fields.ts';
import type { Headphone, Setup } from '../../src/model/setup.ts';
import type { SetupPair } from '../../src/state/setup-pair.ts';

// Doubles without -0 (JSON writes it as 0) and with no NaN/Infinity (the schema rejects them).
const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
// Where 0 is allowed ("ideal", "none"), the next allowed value is 0.001 (docs/model.md, "Allowed ranges").
const zeroOr = (max: number) => fc.oneof(fc.constant(0), num(0.001, max));
// Names as the schema keeps them: 1–80 characters, no surrounding whitespace, no control
// characters, something visible; otherwise any well-formed Unicode.
const name = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .map((s) => s.trim())
  .filter((s) => displayName.safeParse(s).success);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const curve = fc
  .uniqueArray(num(1, 100_000), { minLength: 2, maxLength: 6 })
  .chain((hz) =>
    fc.tuple(...[...hz].sort((a, b) => a - b).map((f) => fc.tuple(fc.constant(f), num(0.5, 1e6), num(-89.9, 89.9)))),
  );

const impedance: fc.Arbitrary<Headphone['impedance']> = fc.oneof(
  fc.record({ nominalOhms: num(0.1, 1e5) }),
  fc.record({
    network: fc.record({
      reOhms: num(0.1, 1e5),
      leMh: zeroOr(1e4),
      motional: optional(fc.record({ rOhms: num(0.1, 1e6), lMh: num(0.1, 1e6), cUf: num(0.1, 1e6) })),
    }),
  }),
  fc.record({ curve: curve.map((points) => points.map((p) => [...p] as [number, number, number])) }),
);

const headphone: fc.Arbitrary<Headphone> = fc.record({
  name,
  sensitivity: fc.record({ value: num(60, 150), unit: fc.constantFrom('dB/V' as const, 'dB/mW' as const) }),
  impedance,
});

export const validSetup: fc.Arbitrary<Setup> = fc.record({
  format: fc.constant('headroom/setup@1' as const),
  signal: fc.record({ levelDbfs: num(-120, 0) }),
  source: fc.record({
    name,
    outputImpedanceOhms: zeroOr(100_000),
    maxOutputVrms: num(0.001, 1000),
    maxOutputCurrentMa: optional(num(0.1, 100_000)),
    couplingCapacitorUf: optional(num(0.1, 1_000_000)),
    volumeDb: num(-120, 0),
  }),
  amp: optional(
    fc.record({
      name,
      inputImpedanceOhms: num(1, 1e9),
      gainDb: num(-40, 60),
      outputImpedanceOhms: zeroOr(100_000),
      maxOutputVrms: num(0.001, 1000),
      maxOutputCurrentMa: optional(num(0.1, 100_000)),
      couplingCapacitorUf: optional(num(0.1, 1_000_000)),
      outputs: fc.constantFrom('shared' as const, 'independent' as const),
    }),
  ),
  splitter: optional(fc.record({ cableResistanceOhms: zeroOr(1000) })),
  headphones: fc.array(headphone, { minLength: 1, maxLength: 8 }),
});

export const validPair: fc.Arbitrary<SetupPair> = fc.record({ a: validSetup, b: validSetup });
