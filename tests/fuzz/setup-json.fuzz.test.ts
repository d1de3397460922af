/**
 * Fuzzed setup JSON (fast-check): random mutations of valid setups — wrong types, numbers
 * out of range or beyond double range, NaN/Infinity written as strings, huge arrays, deep
 * nesting, prototype-pollution keys, very long strings, cut or corrupted text — go through
 * `parseSetupJson`, the function every boundary (URL, storage, file import, CLI) calls.
 *
 * Properties: it never throws; each input is answered within PER_INPUT_MS; the answer is
 * `ok` or a non-empty list of messages that each start with a field path (`setup`,
 * `source.maxOutputVrms`, `headphones[1].impedance…`); a structural mutation is reported
 * at the mutated field or next to it; Object.prototype and Array.prototype are untouched.
 *
 * Seeds: fast-check draws a new seed every run and prints it with the shrunk counterexample
 * when a property fails ("seed: 1234, path: …"). Re-run that case with
 * FUZZ_SEED=1234 npx vitest run --project node tests/fuzz/setup-json.fuzz.test.ts
 * (FUZZ_PATH=… too, to replay the exact shrunk case).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSetupJson, type ParseResult, type Setup } from '../../src/model/setup.ts';
import { validSetup } from '../state/arbitraries.ts';
import { fuzzParameters } from './fuzz-parameters.ts';

/** A valid setup parses in well under 1 ms and a 200 000-entry array in ~50 ms here; 2 s allows a loaded machine. */
const PER_INPUT_MS = 2000;
/** Each property takes 1–4 s here; a loaded 2-core machine (and fast-check shrinking a failure) can take far longer. */
const FUZZ_TIMEOUT_MS = 300_000;
/** Deep nesting drawn by the fuzz: beyond the ~5 000 levels where a recursive describer (String, JSON.stringify) overflows the stack. */
const MAX_FUZZ_DEPTH = 20_000;
const MARK = '"@@fuzz-mark@@"';

type Key = string | number;

/** Every path in a JSON value (objects and arrays too), the root excluded. */
function pathsOf(value: unknown, prefix: Key[] = [], into: Key[][] = []): Key[][] {
  const entries: [Key, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : typeof value === 'object' && value !== null ? Object.entries(value) : [];
  for (const [key, v] of entries) {
    into.push([...prefix, key]);
    pathsOf(v, [...prefix, key], into);
  }
  return into;
}

/** `headphones[1].impedance` as the messages write it. */
function formatPath(path: readonly Key[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text === '' ? key : `.${key}`;
  return text === '' ? 'setup' : text;
}

/** Raw JSON text for a value, so the text can hold what JSON.stringify never writes (1e999, -0, depth 3000, __proto__). */
const repeatedList = (item: string, n: number) => `[${Array.from({ length: n }, () => item).join(',')}]`;
const rawValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 4, arbitrary: fc.constantFrom('"NaN"', '"Infinity"', '"-Infinity"', '"1e3"', '"0x10"', '" 5 "', '""', 'true', 'false', 'null', '[]', '{}') },
  { weight: 4, arbitrary: fc.constantFrom('1e999', '-1e999', '-0', '0', '-1', '1e308', '-1e308', '5e-324', '1e21', '9007199254740993', '0.1e-400') },
  { weight: 3, arbitrary: fc.double().map((x) => (Number.isFinite(x) ? String(x) : x > 0 ? '1e999' : x < 0 ? '-1e999' : '"NaN"')) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((n) => repeatedList('1', n)) },
  { weight: 1, arbitrary: fc.integer({ min: 9, max: 20_000 }).map((n) => repeatedList('{"name":"x","sensitivity":{"value":100,"unit":"dB/V"},"impedance":{"nominalOhms":32}}', n)) },
  { weight: 1, arbitrary: fc.integer({ min: 2001, max: 50_000 }).map((n) => `{"curve":${repeatedList('[1000,32,0]', n)}}`) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: MAX_FUZZ_DEPTH }).map((d) => '['.repeat(d) + ']'.repeat(d)) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: MAX_FUZZ_DEPTH }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 81, max: 1_000_000 })).map(([s, n]) => JSON.stringify((s || 'x').repeat(Math.ceil(n / (s.length || 1))))) },
  { weight: 1, arbitrary: fc.constantFrom('{"polluted":true}', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"prototype":{"polluted":true}}') },
);
const nastyKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', ''), fc.string({ maxLength: 12 }));

type Mutation =
  | { kind: 'replace'; pick: number; raw: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'add-key'; pick: number; key: string; raw: string }
  | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), raw: rawValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add-key' as const), pick: fc.nat(), key: nastyKey, raw: rawValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 8 }) }) },
);

interface Mutated {
  text: string;
  /** The field a structural mutation touched (its parent for add-key and delete), or null for text mutations. */
  near: Key[] | null;
}

function apply(setup: Setup, m: Mutation): Mutated {
  const clean = JSON.stringify(setup);
  if (m.kind === 'cut') return { text: clean.slice(0, m.at % clean.length), near: null };
  if (m.kind === 'splice') {
    const at = m.at % (clean.length + 1);
    return { text: clean.slice(0, at) + m.text + clean.slice(at), near: null };
  }
  const copy = JSON.parse(clean) as Record<string, unknown>;
  const objects = [[] as Key[], ...pathsOf(copy)].filter((p) => m.kind !== 'add-key' || isObject(at(copy, p)));
  const all = m.kind === 'add-key' ? objects : pathsOf(copy);
  const path = all[m.pick % all.length]!;
  if (m.kind === 'add-key') {
    // Stand-in key, swapped for the real one in the text: assigning `__proto__` in JS would set the prototype, not a key.
    (at(copy, path) as Record<string, unknown>)['@@fuzz-key@@'] = '@@fuzz-mark@@';
    return { text: JSON.stringify(copy).replace('"@@fuzz-key@@"', () => JSON.stringify(m.key)).replace(MARK, () => m.raw), near: path };
  }
  const parent = at(copy, path.slice(0, -1)) as Record<Key, unknown> | unknown[];
  const last = path[path.length - 1]!;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else Reflect.deleteProperty(parent, last);
    return { text: JSON.stringify(copy), near: path.slice(0, -1) };
  }
  (parent as Record<Key, unknown>)[last] = '@@fuzz-mark@@';
  return { text: JSON.stringify(copy).replace(MARK, () => m.raw), near: path };
}

const isObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
function at(root: unknown, path: readonly Key[]): unknown {
  let value = root;
  for (const key of path) value = (value as Record<Key, unknown>)[key];
  return value;
}

/** The first segment of every message is a field of the setup, or `setup` itself. */
const FIELD_PATH = /^(setup|format|signal|source|amp|splitter|headphones|input)(?=[.[\s:]|$)/;

let slowest = { ms: 0, length: 0 };
function timedParse(text: string): ParseResult<Setup> {
  const started = performance.now();
  let result: ParseResult<Setup>;
  try {
    result = parseSetupJson(text);
  } catch (error) {
    throw new Error(`parseSetupJson threw ${String(error)} on ${text.length} characters: ${text.slice(0, 200)}`, { cause: error });
  }
  const ms = performance.now() - started;
  if (ms > slowest.ms) slowest = { ms, length: text.length };
  expect(ms, `${text.length} characters took ${ms.toFixed(0)} ms`).toBeLessThan(PER_INPUT_MS);
  return result;
}

function expectAnswer(result: ParseResult<Setup>): void {
  if (result.ok) {
    // Whatever passed is a setup that round-trips: its own JSON parses to the same JSON (-0 in the text is written 0).
    const again = parseSetupJson(JSON.stringify(result.value));
    expect(again.ok && JSON.stringify(again.value)).toBe(JSON.stringify(result.value));
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const message of result.errors) {
    expect(typeof message).toBe('string');
    expect(message).toMatch(FIELD_PATH);
  }
}

const prototypeSnapshot = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  objectProto: Object.getPrototypeOf(Object.prototype) as unknown,
});
let before: ReturnType<typeof prototypeSnapshot>;

beforeAll(() => {
  before = prototypeSnapshot();
});

afterAll(() => {
  console.log(`setup-json fuzz: slowest input ${slowest.ms.toFixed(1)} ms (${slowest.length} characters)`);
});

describe('parseSetupJson under fuzzed input', () => {
  it('answers every mutation of a valid setup with ok or messages naming a field path, in bounded time, never throwing', () => {
    fc.assert(
      fc.property(validSetup, mutation, (setup, m) => {
        const { text, near } = apply(setup, m);
        const result = timedParse(text);
        expectAnswer(result);
        if (!result.ok && near !== null) {
          // Reported at the mutated field, inside it, or at its parent (a deleted field is "required" there,
          // an added key is "unknown" there, a curve point out of order is reported at the next point).
          const prefix = formatPath(near.slice(0, Math.max(0, near.length - 1)));
          expect(result.errors.some((e) => prefix === 'setup' || e.startsWith(prefix)), `${result.errors.join(' | ')} vs ${formatPath(near)}`).toBe(true);
        }
      }),
      fuzzParameters(400),
    );
  }, FUZZ_TIMEOUT_MS);

  it('answers random JSON and random text the same way', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), fc.string({ unit: 'binary', maxLength: 200 }), rawValue), (text) => expectAnswer(timedParse(text))),
      fuzzParameters(300),
    );
  }, FUZZ_TIMEOUT_MS);

  it('reports a prototype-pollution key as an unknown field at every level and pollutes nothing', () => {
    fc.assert(
      fc.property(validSetup, fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), (setup, pick, key) => {
        const { text, near } = apply(setup, { kind: 'add-key', pick, key, raw: '{"polluted":true,"maxOutputVrms":5,"__proto__":{"polluted":true}}' });
        const result = timedParse(text);
        expect(result.ok).toBe(false);
        const where = near === null ? 'setup' : near.length === 0 ? 'setup' : formatPath(near);
        // Objects are strict: the key is named, never silently dropped or merged.
        expect(result.ok ? [] : result.errors).toContain(`${where} has unknown field "${key}"`);
      }),
      fuzzParameters(150),
    );
  }, FUZZ_TIMEOUT_MS);

  it('leaves Object.prototype and Array.prototype as they were', () => {
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('deep nesting and long names get bounded messages', () => {
  const deepSignal = (depth: number) => JSON.stringify({ format: 'headroom/setup@1', signal: '@@fuzz-mark@@' }).replace(MARK, () => '['.repeat(depth) + ']'.repeat(depth));

  it('arrays nested 10 000 and 100 000 deep get a message naming the field, describing the value by kind and size', () => {
    for (const depth of [10_000, 100_000]) {
      const result = timedParse(deepSignal(depth));
      expectAnswer(result);
      expect(result.ok ? [] : result.errors).toContain('signal must be an object (got an array of 1 item)');
    }
  });

  it('objects nested 10 000 deep at an unknown field are reported by name', () => {
    const text = JSON.stringify({ format: 'headroom/setup@1', deep: '@@fuzz-mark@@' }).replace(MARK, () => '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000));
    const result = timedParse(text);
    expectAnswer(result);
    expect(result.ok ? [] : result.errors).toContain('setup has unknown field "deep"');
  });

  it('the same at depth 20 000 is answered (the fuzz draws depths up to this)', () => {
    expectAnswer(timedParse(deepSignal(MAX_FUZZ_DEPTH)));
  });

  it('values keep their short JSON form and large ones are named by kind and size', () => {
    const errorsFor = (signal: string) => {
      const result = timedParse(`{"format":"headroom/setup@1","signal":${signal}}`);
      return result.ok ? [] : result.errors.filter((e) => e.startsWith('signal '));
    };
    expect(errorsFor('[1,2]')).toEqual(['signal must be an object (got [1,2])']);
    expect(errorsFor(repeatedList('1', 200_000))).toEqual(['signal must be an object (got an array of 200000 items)']);
    expect(errorsFor(JSON.stringify('s'.repeat(100_000)))).toEqual([`signal must be an object (got "${'s'.repeat(40)}…" (100000 characters))`]);
  });

  it('an unknown field with a 100 000-character name is cut to 40 characters and its length', () => {
    const text = JSON.stringify({ format: 'headroom/setup@1', ['k'.repeat(100_000)]: 1 });
    const result = timedParse(text);
    expect(result.ok ? [] : result.errors).toContain(`setup has unknown field "${'k'.repeat(40)}…" (100000 characters)`);
    expect(result.ok ? [] : result.errors.map((e) => e.length)).toSatisfy((lengths: number[]) => lengths.length > 0 && lengths.every((n) => n < 500));
  });

  it('a cut never splits a surrogate pair', () => {
    const name = 'k'.repeat(39) + '😀'.repeat(10);
    const result = timedParse(JSON.stringify({ format: 'headroom/setup@1', [name]: 1 }));
    expect(result.ok ? [] : result.errors).toContain(`setup has unknown field "${'k'.repeat(39)}…" (${name.length} characters)`);
  });

  it('10 000 unknown fields are listed five at a time, with the count of the rest', () => {
    const fields = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`extra${i}`, i]));
    const result = timedParse(JSON.stringify({ format: 'headroom/setup@1', ...fields }));
    expect(result.ok ? [] : result.errors).toContain('setup has unknown fields "extra0", "extra1", "extra2", "extra3", "extra4" and 9995 more');
  });
});
