/**
 * The setup contract: one JSON text that describes a chain
 * (signal → source → optional amp → optional splitter → 1..8 headphones).
 * `headroom/setup@1` is that chain; `headroom/setup@2` is @1 plus an optional `input`
 * section (the interface's input side, ./input/contract.ts); `headroom/setup@3` is @2 plus
 * the gear figures of GEAR_FIELDS (hiss and shared ground returns). All parse here; a field
 * in a file whose format predates it is an error, because older readers reject unknown fields.
 * Writers stamp the oldest version that can hold the setup (`withSetupFormat`).
 *
 * Every boundary (URL, localStorage, CLI, file import) calls `parseSetup`, which
 * rejects bad input with messages that name the field path, the value and the
 * allowed range, e.g. `headphones[1].impedance.nominalOhms must be from 0.001 to 100000 ohms (got -32)`.
 * Nothing is clamped or guessed.
 */
import { z } from 'zod';
import { displayName, escapeInvisible, quantity } from './contract-fields.ts';
import { inputSchema } from './input/contract.ts';

export const SETUP_FORMAT = 'headroom/setup@1';
/** @1 plus the optional `input` section. */
export const SETUP_FORMAT_V2 = 'headroom/setup@2';
/** @2 plus the optional gear figures (GEAR_FIELDS): noise and ground-return resistances. */
export const SETUP_FORMAT_V3 = 'headroom/setup@3';
export const SETUP_FORMATS = [SETUP_FORMAT, SETUP_FORMAT_V2, SETUP_FORMAT_V3] as const;
export const MAX_LISTENERS = 8;

const optionalNullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** Ranges of every quantity: docs/model.md, "Allowed ranges". */
const ohms = (max: number, zero?: string) => quantity({ min: 0.001, max, unit: 'ohms', zero });
const IDEAL_SOURCE = 'an ideal source';
const railVrms = () => quantity({ min: 0.001, max: 1000, unit: 'V' });
const currentLimitMa = () => optionalNullable(quantity({ min: 0.001, max: 100_000, unit: 'mA' }));
const couplingUf = () => optionalNullable(quantity({ min: 0.001, max: 1_000_000, unit: 'µF' }));
const decibels = (min: number, max: number, unit = 'dB') => quantity({ min, max, unit });

const name = displayName;

/**
 * headroom/setup@3: a stage's output noise with no signal, 20 Hz–20 kHz, as its maker or a
 * measurement states it: either in µV (`uVrms`) or as a dynamic range below the stage's
 * maxOutputVrms (`dynamicRangeDb`), A-weighted or unweighted. Exactly one of the two figures.
 */
export const noiseSchema = z
  .strictObject({
    // At most 1 V of hiss, and at least 20 dB below a rail of at most 1000 V: the plan's noise
    // density then stays below 1 V/√Hz, which the processors require.
    uVrms: quantity({ min: 0.001, max: 1_000_000, unit: 'µV' }).optional(),
    dynamicRangeDb: decibels(20, 200).optional(),
    weighting: z.enum(['A', 'unweighted']),
  })
  .superRefine((noise, ctx) => {
    if ((noise.uVrms === undefined) === (noise.dynamicRangeDb === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'needs exactly one of uVrms or dynamicRangeDb' });
    }
  });

/**
 * headroom/setup@3: the resistance of a return path that left and right share (a jack's sleeve,
 * a cable's common wire, a splitter's common leg), in Ω. It makes crosstalk (docs/model.md).
 */
const groundResistanceOhms = optionalNullable(ohms(1000, 'no shared return'));
/** The @3 fields of a stage (source or amp). */
const stageGearFields = { noise: optionalNullable(noiseSchema), groundResistanceOhms };

export const signalSchema = z.strictObject({
  /** Peak level of the test sine in dBFS; 0 dBFS is digital full scale. */
  levelDbfs: decibels(-120, 0, 'dBFS'),
});

export const sourceSchema = z.strictObject({
  name,
  /** 0 is an ideal voltage source. */
  outputImpedanceOhms: ohms(100_000, IDEAL_SOURCE),
  /** Open-circuit EMF (Vrms) for a 0 dBFS sine at volume 0 dB. */
  maxOutputVrms: railVrms(),
  /** Peak output current limit in mA. */
  maxOutputCurrentMa: currentLimitMa(),
  /** Series DC-blocking capacitor in µF. */
  couplingCapacitorUf: couplingUf(),
  /** Digital volume before the DAC, ≤ 0 dB. */
  volumeDb: decibels(-120, 0),
  ...stageGearFields,
});

export const ampSchema = z.strictObject({
  name,
  inputImpedanceOhms: ohms(1e9),
  /** Voltage gain: EMF at the output over the voltage at the input. */
  gainDb: decibels(-40, 60),
  outputImpedanceOhms: ohms(100_000, IDEAL_SOURCE),
  /** Rail: the internal EMF clips at √2 × this (peak). */
  maxOutputVrms: railVrms(),
  maxOutputCurrentMa: currentLimitMa(),
  couplingCapacitorUf: couplingUf(),
  /** One output stage for every jack, or one stage per jack. */
  outputs: z.enum(['shared', 'independent']),
  ...stageGearFields,
});

export const splitterSchema = z.strictObject({
  /** Series resistance of each branch (cable and contacts). */
  cableResistanceOhms: ohms(1000, 'no resistance'),
  /** @3: the common leg all branches return through (per jack with independent amp outputs). */
  groundResistanceOhms,
});

export const sensitivitySchema = z.strictObject({
  value: decibels(60, 150),
  unit: z.enum(['dB/V', 'dB/mW']),
});

const motionalSchema = z.strictObject({
  rOhms: ohms(1e6),
  lMh: quantity({ min: 0.001, max: 1e6, unit: 'mH' }),
  cUf: quantity({ min: 0.001, max: 1e6, unit: 'µF' }),
});

export const networkSchema = z.strictObject({
  /** Voice-coil DC resistance. */
  reOhms: ohms(1e5),
  /** Voice-coil inductance in mH (0 for none). */
  leMh: quantity({ min: 0.0001, max: 1e4, unit: 'mH', zero: 'none' }),
  /** Parallel R‖L‖C that models the driver's mechanical resonance. */
  motional: optionalNullable(motionalSchema),
});

const curvePointSchema = z.tuple([
  quantity({ min: 1, max: 100_000, unit: 'Hz' }),
  ohms(1e6),
  // Strictly inside ±90°: a purely reactive headphone would be lossless, and two of
  // opposite sign in parallel would divide by zero.
  quantity({ min: -90, max: 90, unit: 'degrees', exclusive: true }),
]);

export const impedanceSchema = z
  .strictObject({
    nominalOhms: optionalNullable(ohms(1e5)),
    network: optionalNullable(networkSchema),
    curve: optionalNullable(z.array(curvePointSchema).min(2).max(2000)),
  })
  .superRefine((impedance, ctx) => {
    if (impedance.nominalOhms == null && impedance.network == null && impedance.curve == null) {
      ctx.addIssue({ code: 'custom', message: 'needs one of nominalOhms, network or curve' });
    }
    const curve = impedance.curve;
    if (curve) {
      for (let i = 1; i < curve.length; i++) {
        const previous = curve[i - 1]![0];
        const hz = curve[i]![0];
        if (!(hz > previous)) {
          ctx.addIssue({
            code: 'custom',
            path: ['curve', i, 0],
            message: `must be > ${previous} Hz, the previous point's frequency (got ${hz}); points go in rising frequency`,
          });
        }
      }
    }
  });

export const headphoneSchema = z.strictObject({
  name,
  sensitivity: sensitivitySchema,
  impedance: impedanceSchema,
  /** @3: the plug's sleeve and the cable's common wire, shared by its left and right drivers. */
  groundResistanceOhms,
});

export const setupSchema = z
  .strictObject({
    format: z.enum(SETUP_FORMATS),
    signal: signalSchema,
    source: sourceSchema,
    amp: ampSchema.nullable(),
    splitter: splitterSchema.nullable(),
    headphones: z.array(headphoneSchema).min(1).max(MAX_LISTENERS),
    /** Only in headroom/setup@2: the interface's input side. */
    input: optionalNullable(inputSchema),
  })
  .superRefine((setup, ctx) => {
    // Even `"input": null`: an @1 reader rejects the field itself.
    if (setup.format === SETUP_FORMAT && setup.input !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['input'],
        message: `needs format "${SETUP_FORMAT_V2}" (got "${SETUP_FORMAT}"); headroom/setup@1 readers reject unknown fields`,
      });
    }
    if (setup.format !== SETUP_FORMAT_V3) {
      for (const path of gearFieldPaths(setup)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `needs format "${SETUP_FORMAT_V3}" (got "${setup.format}"); older readers reject unknown fields`,
        });
      }
    }
  });

export type Setup = z.infer<typeof setupSchema>;
export type Source = Setup['source'];
export type Amp = NonNullable<Setup['amp']>;
export type Splitter = NonNullable<Setup['splitter']>;
export type Headphone = Setup['headphones'][number];
export type Sensitivity = Headphone['sensitivity'];
export type Impedance = Headphone['impedance'];
export type ImpedanceNetwork = NonNullable<Impedance['network']>;

export type Noise = NonNullable<Source['noise']>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Where a setup@3 field can stand: in the source, the amp, the splitter or a headphone. */
export const GEAR_FIELDS = { source: ['noise', 'groundResistanceOhms'], amp: ['noise', 'groundResistanceOhms'], splitter: ['groundResistanceOhms'], headphone: ['groundResistanceOhms'] } as const;

type GearPath = (string | number)[];

/** Paths of every @3 field present in a setup, even with the value null (older readers reject the field itself). */
function gearFieldPaths(setup: Pick<Setup, 'source' | 'amp' | 'splitter' | 'headphones'>): GearPath[] {
  const paths: GearPath[] = [];
  const look = (part: object | null, fields: readonly string[], at: GearPath) => {
    if (part) for (const field of fields) if (field in part && (part as Record<string, unknown>)[field] !== undefined) paths.push([...at, field]);
  };
  look(setup.source, GEAR_FIELDS.source, ['source']);
  look(setup.amp, GEAR_FIELDS.amp, ['amp']);
  look(setup.splitter, GEAR_FIELDS.splitter, ['splitter']);
  setup.headphones.forEach((headphone, i) => look(headphone, GEAR_FIELDS.headphone, ['headphones', i]));
  return paths;
}

/** The part without its @3 fields that are null or absent (so an @1/@2 reader can read it). */
function withoutNullGear<T extends object>(part: T, fields: readonly string[]): T {
  return Object.fromEntries(Object.entries(part).filter(([key, value]) => value != null || !fields.includes(key))) as T;
}

/** Whether the setup uses any @3 field with a value. */
function usesGearFields(setup: Setup): boolean {
  const valued = (part: object | null, fields: readonly string[]) => part !== null && fields.some((field) => (part as Record<string, unknown>)[field] != null);
  return (
    valued(setup.source, GEAR_FIELDS.source) ||
    valued(setup.amp, GEAR_FIELDS.amp) ||
    valued(setup.splitter, GEAR_FIELDS.splitter) ||
    setup.headphones.some((headphone) => valued(headphone, GEAR_FIELDS.headphone))
  );
}

/**
 * The same setup stamped with the oldest format that can hold it: @3 when it uses a gear
 * field (GEAR_FIELDS), else @2 when it has an `input` section, else @1 (so older readers can
 * read everything that needs no newer field). Null gear fields and a null input are dropped
 * from an older format, which has no such fields at all.
 */
export function withSetupFormat(setup: Setup): Setup {
  if (usesGearFields(setup)) return setup.format === SETUP_FORMAT_V3 ? setup : { ...setup, format: SETUP_FORMAT_V3 };
  const chain: Setup = gearFieldPaths(setup).length === 0 ? setup : {
    ...setup,
    source: withoutNullGear(setup.source, GEAR_FIELDS.source),
    amp: setup.amp && withoutNullGear(setup.amp, GEAR_FIELDS.amp),
    splitter: setup.splitter && withoutNullGear(setup.splitter, GEAR_FIELDS.splitter),
    headphones: setup.headphones.map((headphone) => withoutNullGear(headphone, GEAR_FIELDS.headphone)),
  };
  if (chain.input != null) return chain.format === SETUP_FORMAT_V2 ? chain : { ...chain, format: SETUP_FORMAT_V2 };
  if (chain.format === SETUP_FORMAT && !('input' in chain)) return chain;
  // @1 has no input field at all, not even a null one.
  const { input: _input, ...rest } = chain;
  return { ...rest, format: SETUP_FORMAT };
}

/** Validates an untrusted value (already JSON-parsed) against `headroom/setup@1`, `@2` or `@3`. */
export function parseSetup(input: unknown): ParseResult<Setup> {
  const result = setupSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map(formatIssue) };
}

/** Parses JSON text, then validates it; JSON syntax errors are reported like field errors. */
export function parseSetupJson(text: string): ParseResult<Setup> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`setup is not valid JSON: ${(error as Error).message}`] };
  }
  return parseSetup(data);
}

/** `headphones[1].impedance.nominalOhms`: the path as a reader would type it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? escapeInvisible(String(key)) : `.${escapeInvisible(String(key))}`;
  }
  return text === '' ? 'setup' : text;
}

/** Strings and field names longer than this are cut after "(got …)" and in "unknown field". */
const MAX_SHOWN_CHARACTERS = 40;
/** JSON shown after "(got …)" is cut here. */
const MAX_SHOWN_JSON = 60;
/** Arrays and objects with more parts than this are named by kind and size, not printed. */
const MAX_SHOWN_NODES = 64;
/** At most this many unknown field names are listed in one message. */
const MAX_LISTED_FIELDS = 5;

/**
 * `quote(text)` for a text of at most MAX_SHOWN_CHARACTERS; a longer one is cut there
 * (never inside a surrogate pair), gets "…" and its length: `"abc…" (100000 characters)`.
 */
function bounded(text: string, quote: (text: string) => string): string {
  if (text.length <= MAX_SHOWN_CHARACTERS) return quote(text);
  const end = /[\uD800-\uDBFF]/.test(text.charAt(MAX_SHOWN_CHARACTERS - 1)) ? MAX_SHOWN_CHARACTERS - 1 : MAX_SHOWN_CHARACTERS;
  return `${quote(`${text.slice(0, end)}…`)} (${text.length} characters)`;
}

/**
 * Whether a JSON value has at most MAX_SHOWN_NODES arrays, objects and leaves in all,
 * counted with an explicit stack (no recursion) and stopping at the limit, so a value
 * nested 10 000 deep or a 200 000-entry array costs a few steps.
 */
function isSmall(value: object): boolean {
  const stack: unknown[] = [value];
  let nodes = 0;
  while (stack.length > 0) {
    const next = stack.pop();
    if (++nodes > MAX_SHOWN_NODES) return false;
    if (typeof next !== 'object' || next === null) continue;
    const parts: unknown[] = Array.isArray(next) ? next : Object.values(next);
    if (nodes + stack.length + parts.length > MAX_SHOWN_NODES) return false;
    stack.push(...parts);
  }
  return true;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Shown after "(got …)": numbers and short values as JSON (cut at MAX_SHOWN_JSON
 * characters), long strings cut with their length, large or deep arrays and objects by
 * kind and size ("an array of 3 items", "an object with 12 fields"). Bounded in length
 * and in work whatever the value, and never recursive.
 */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return bounded(value, (text) => escapeInvisible(JSON.stringify(text)));
  if (typeof value === 'object' && value !== null && !isSmall(value)) {
    return Array.isArray(value) ? `an array of ${plural(value.length, 'item')}` : `an object with ${plural(Object.keys(value).length, 'field')}`;
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  // JSON.stringify gives undefined for a function or symbol (never in parsed JSON).
  if (json === undefined) return typeof value;
  return escapeInvisible(json.length > MAX_SHOWN_JSON ? `${json.slice(0, MAX_SHOWN_JSON)}…` : json);
}

/**
 * `has unknown field "x"`, `has unknown fields "a", "b" and 3 more`: at most MAX_LISTED_FIELDS
 * names, each cut at MAX_SHOWN_CHARACTERS with controls and invisible characters escaped, so
 * 150 000 unknown keys or a key holding an escape sequence still give one short line.
 */
export function unknownFields(keys: readonly string[]): string {
  const listed = keys.slice(0, MAX_LISTED_FIELDS).map((key) => bounded(key, (text) => `"${escapeInvisible(text)}"`));
  const more = keys.length - listed.length;
  return `has unknown field${keys.length > 1 ? 's' : ''} ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  expected?: string;
  values?: readonly unknown[];
  keys?: string[];
}

function formatIssue(issue: IssueLike): string {
  const where = formatPath(issue.path);
  const got = `(got ${describeValue(issue.input)})`;
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      if (issue.origin === 'array') {
        const count = Array.isArray(issue.input) ? issue.input.length : '?';
        const noun = issue.code === 'too_small' ? 'at least' : 'at most';
        return `${where} must have ${noun} ${String(bound)} ${bound === 1 ? 'entry' : 'entries'} (got ${count})`;
      }
      if (issue.origin === 'string') {
        const noun = issue.code === 'too_small' ? 'at least' : 'at most';
        return `${where} must have ${noun} ${String(bound)} characters ${got}`;
      }
      return `${where} must be ${op} ${String(bound)} ${got}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return `${where} is required (${article(issue.expected ?? 'value')})`;
      return `${where} must be ${article(issue.expected ?? 'value')} ${got}`;
    case 'invalid_value':
      if (issue.input === undefined) return `${where} is required (one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')})`;
      return `${where} must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')} ${got}`;
    case 'unrecognized_keys':
      return `${where} ${unknownFields(issue.keys ?? [])}`;
    case 'custom':
      return `${where} ${issue.message}${issue.message.includes('(got') || issue.input === undefined ? '' : ` ${got}`}`;
    default:
      return `${where}: ${issue.message} ${got}`;
  }
}

function article(expected: string): string {
  if (expected === 'array' || expected === 'object') return `an ${expected}`;
  if (expected === 'number' || expected === 'string' || expected === 'boolean') return `a ${expected}`;
  return expected;
}
