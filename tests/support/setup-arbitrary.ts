/**
 * fast-check arbitraries drawn from the setup contract itself (src/model/setup.ts): the
 * schema is walked, so every field it has (and every field added later) is generated, each
 * number from its physical range (src/model/contract-fields.ts), edges included: the
 * smallest and largest allowed value, 0 where 0 is allowed, log-uniform in between for
 * ranges over decades. A number field without a registered range fails here at once, so a
 * new quantity cannot join the contract without one.
 *
 * Rules that tie fields together (a custom input type needs its impedance, an impedance
 * needs one of nominal/network/curve, curve points rise in frequency, a noise figure is µV or a
 * dynamic range, `input` needs @2 and a gear field @3) are
 * written once below, as overrides of the schemas that hold them. `validContractSetup`
 * keeps only what `parseSetup` accepts; tests check that it accepts every draw.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { inRange, quantityRanges, type QuantityRange } from '../../src/model/contract-fields.ts';
import { instrumentSchema, inputSchema } from '../../src/model/input/contract.ts';
import { displayName } from '../../src/model/contract-fields.ts';
import { GEAR_FIELDS, impedanceSchema, noiseSchema, setupSchema, SETUP_FORMAT_V2, SETUP_FORMAT_V3, type Setup } from '../../src/model/setup.ts';

type Schema = z.ZodType;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  innerType?: Schema;
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
}
const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Arrays longer than this are drawn only now and then (at their full allowed length), to keep each run fast. */
const USUAL_MAX_ITEMS = 8;

const noNegativeZero = (x: number) => (Object.is(x, -0) ? 0 : x);

function quantityArbitrary(range: QuantityRange): fc.Arbitrary<number> {
  if (range.integer) return fc.oneof(fc.constantFrom(range.min, range.max), fc.integer({ min: range.min, max: range.max }));
  const edges = range.exclusive ? [nextUp(range.min), nextDown(range.max)] : [range.min, range.max];
  const parts: fc.Arbitrary<number>[] = [fc.constantFrom(...edges, ...(range.zero === undefined ? [] : [0])), fc.double({ min: range.min, max: range.max, noNaN: true })];
  // Decades apart: draw the exponent too, so 0.001–1 Ω is drawn as often as 1000–100000 Ω.
  if (range.min > 0 && range.max / range.min > 100) {
    parts.push(fc.double({ min: Math.log(range.min), max: Math.log(range.max), noNaN: true }).map((l) => Math.min(range.max, Math.max(range.min, Math.exp(l)))));
  }
  return fc.oneof(...parts).map(noNegativeZero).filter((x) => inRange(x, range));
}

function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x >= 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}
const nextDown = (x: number): number => -nextUp(-x);

/** Names as people type them, markup and emoji included; only what the contract keeps. */
const nameArbitrary: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom('<script>alert(1)</script>', 'Ana’s "HD 600"', '👩‍🔬 lab', 'Sennheiser HD 600', 'x'.repeat(80), 'a\u200bb') },
  )
  .map((s) => s.trim())
  .filter((s) => displayName.safeParse(s).success);

type Walk = (schema: Schema) => fc.Arbitrary<unknown>;
type Override = (walk: Walk) => fc.Arbitrary<unknown>;

const shapeOf = (schema: Schema): Record<string, Schema> => defOf(schema).shape!;
/** The schema inside `.nullable().optional()`. */
const present = (schema: Schema): Schema => {
  let inner = schema;
  while (defOf(inner).type === 'optional' || defOf(inner).type === 'nullable') inner = defOf(inner).innerType!;
  return inner;
};

/**
 * An object of `schema` where at least one of `keys` (each `.nullable().optional()`) is
 * present; the others are absent (left out or null) or present at random.
 */
function atLeastOneOf(walk: Walk, schema: Schema, keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const shape = shapeOf(schema);
  const others = Object.fromEntries(Object.entries(shape).filter(([key]) => !keys.includes(key)).map(([key, field]) => [key, walk(field)]));
  const values = keys.map((key) => walk(present(shape[key]!)));
  const absent = fc.constantFrom<'omit' | 'null'>('omit', 'null');
  const mask = fc.array(fc.boolean(), { minLength: keys.length, maxLength: keys.length }).filter((m) => m.some(Boolean));
  return fc.tuple(objectOf(others, shape), fc.tuple(...values), mask, fc.array(absent, { minLength: keys.length, maxLength: keys.length })).map(([rest, drawn, chosen, how]) => {
    const out: Record<string, unknown> = { ...rest };
    keys.forEach((key, i) => {
      if (chosen[i]) out[key] = drawn[i];
      else if (how[i] === 'null') out[key] = null;
    });
    return out;
  });
}

/** Records whose optional fields are sometimes left out. */
function objectOf(fields: Record<string, fc.Arbitrary<unknown>>, shape: Record<string, Schema>): fc.Arbitrary<Record<string, unknown>> {
  const requiredKeys = Object.keys(fields).filter((key) => defOf(shape[key]!).type !== 'optional');
  return fc.record(fields, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}

const curveSchema = present(shapeOf(impedanceSchema).curve!);

const overrides = new Map<Schema, Override>([
  [impedanceSchema, (walk) => atLeastOneOf(walk, impedanceSchema, ['nominalOhms', 'network', 'curve'])],
  // Points in rising frequency: draw them, sort them, drop repeated frequencies.
  [
    curveSchema,
    (walk) =>
      fc
        .oneof({ weight: 9, arbitrary: fc.array(walk(defOf(curveSchema).element!), { minLength: 2, maxLength: USUAL_MAX_ITEMS }) }, { weight: 1, arbitrary: fc.array(walk(defOf(curveSchema).element!), { minLength: 2000, maxLength: 2000 }) })
        .map((points) => (points as number[][]).sort((p, q) => p[0]! - q[0]!).filter((p, i, all) => i === 0 || p[0]! > all[i - 1]![0]!))
        .filter((points) => points.length >= 2),
  ],
  [
    instrumentSchema,
    (walk) => {
      const shape = shapeOf(instrumentSchema);
      const fields = Object.fromEntries(Object.entries(shape).filter(([key]) => key !== 'inputImpedanceOhms').map(([key, field]) => [key, walk(field)]));
      return fc.tuple(objectOf(fields, shape), walk(present(shape.inputImpedanceOhms!))).map(([rest, ohms]) => (rest.inputType === 'custom' ? { ...rest, inputImpedanceOhms: ohms } : rest));
    },
  ],
  [inputSchema, (walk) => atLeastOneOf(walk, inputSchema, ['instrument', 'microphone', 'latency'])],
  // Exactly one of the two figures.
  [
    noiseSchema,
    (walk) => {
      const shape = shapeOf(noiseSchema);
      return fc
        .tuple(fc.constantFrom('uVrms', 'dynamicRangeDb'), walk(present(shape.uVrms!)), walk(present(shape.dynamicRangeDb!)), walk(shape.weighting!))
        .map(([figure, uVrms, dynamicRangeDb, weighting]) => (figure === 'uVrms' ? { uVrms, weighting } : { dynamicRangeDb, weighting }));
    },
  ],
  // A gear field (even null) only in @3, `input` (even null) in @2 or later.
  [
    setupSchema,
    (walk) =>
      walkObject(walk, setupSchema).map((setup) => {
        if (hasGearField(setup)) return { ...setup, format: SETUP_FORMAT_V3 };
        return setup.input !== undefined ? { ...setup, format: SETUP_FORMAT_V2 } : setup;
      }),
  ],
]);

function hasGearField(setup: Record<string, unknown>): boolean {
  const has = (part: unknown, fields: readonly string[]) => typeof part === 'object' && part !== null && fields.some((field) => (part as Record<string, unknown>)[field] !== undefined);
  return (
    has(setup.source, GEAR_FIELDS.source) ||
    has(setup.amp, GEAR_FIELDS.amp) ||
    has(setup.splitter, GEAR_FIELDS.splitter) ||
    (setup.headphones as unknown[]).some((headphone) => has(headphone, GEAR_FIELDS.headphone))
  );
}

function walkObject(walk: Walk, schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const shape = shapeOf(schema);
  return objectOf(Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, walk(field)])), shape);
}

function lengthBounds(def: Def): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'min_length') min = c.minimum!;
    if (c.check === 'max_length') max = c.maximum!;
  }
  return { min, max };
}

const walk: Walk = (schema) => {
  const override = overrides.get(schema);
  if (override) return override(walk);
  const range = quantityRanges.get(schema);
  if (range) return quantityArbitrary(range);
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return walkObject(walk, schema);
    case 'optional':
      return walk(def.innerType!);
    case 'nullable':
      return fc.oneof(fc.constant(null), walk(def.innerType!));
    case 'array': {
      const { min, max } = lengthBounds(def);
      const usual = fc.array(walk(def.element!), { minLength: min, maxLength: Math.min(max, Math.max(min, USUAL_MAX_ITEMS)) });
      return Number.isFinite(max) && max > USUAL_MAX_ITEMS ? fc.oneof({ weight: 9, arbitrary: usual }, { weight: 1, arbitrary: fc.array(walk(def.element!), { minLength: max, maxLength: max }) }) : usual;
    }
    case 'tuple':
      return fc.tuple(...def.items!.map(walk));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'boolean':
      return fc.boolean();
    case 'string':
      if (schema === displayName) return nameArbitrary;
      throw new Error('setup-arbitrary: a string field other than a name; teach the walk what it holds');
    case 'number':
      throw new Error('setup-arbitrary: a number field without a physical range; declare it with quantity() in src/model/contract-fields.ts');
    default:
      throw new Error(`setup-arbitrary: no arbitrary for a zod "${def.type}" schema`);
  }
};

/** Any setup the contract describes, @1, @2 and @3, every field drawn over its whole range. */
export const contractSetup = walk(setupSchema) as fc.Arbitrary<Setup>;

/** Every quantity of the contract with its path as docs write it (`headphones[].impedance.nominalOhms`, `…curve[][1]`). */
export function quantityFields(): { path: string; range: QuantityRange }[] {
  const fields: { path: string; range: QuantityRange }[] = [];
  const visit = (schema: Schema, path: string): void => {
    const range = quantityRanges.get(schema);
    if (range) {
      fields.push({ path, range });
      return;
    }
    const def = defOf(schema);
    if (def.type === 'object') for (const [key, field] of Object.entries(def.shape!)) visit(field, path === '' ? key : `${path}.${key}`);
    else if (def.type === 'optional' || def.type === 'nullable') visit(def.innerType!, path);
    else if (def.type === 'array') visit(def.element!, `${path}[]`);
    else if (def.type === 'tuple') def.items!.forEach((item, i) => visit(item, `${path}[${i}]`));
  };
  visit(setupSchema, '');
  return fields;
}
