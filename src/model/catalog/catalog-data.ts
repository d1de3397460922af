/**
 * The catalog's data files (./data/*.json) turned into catalog entries.
 *
 * Hundreds of entries cite a handful of publications, so a data file names each one once, in
 * references.json, and an entry cites it by id: `"cite": { "sensitivity.value": "sl-official" }`,
 * or with its own detail, kind or reasoning: `{ "ref": "sl-asr", "detail": "101 mV for 94 dB SPL" }`.
 * A cite key that names an object of the part (`impedance.network`) cites every number in it.
 * Every entry is validated here, at load, by the setup schema of its part and the shape below;
 * a data error throws, naming the entry and the field (tests/model/catalog.test.ts loads them all).
 */
import { z } from 'zod';
import { ampSchema, formatPath, headphoneSchema, sensitivitySchema, sourceSchema } from '../setup.ts';
import type { Alternative, CatalogAmp, CatalogHeadphone, CatalogSource, Citation } from './citations.ts';

const kindSchema = z.enum(['manufacturer', 'measurement', 'estimate']);
const text = z.string().trim().min(1);

const referenceSchema = z.strictObject({ source: text, url: text.optional(), kind: kindSchema });
const citeSchema = z.union([text, z.strictObject({ ref: text, kind: kindSchema.optional(), detail: text.optional(), reasoning: text.optional() })]);
const alternativeSchema = z.strictObject({ field: text, value: z.union([z.number(), sensitivitySchema]), cite: citeSchema });
const fitSchema = z.strictObject({
  /** Measured |Z| points the network was fitted to: [Hz, Ω]. */
  points: z.array(z.tuple([z.number().positive(), z.number().positive()])).min(2),
  /** Frequency of the measured impedance peak, where the fit puts the resonance. */
  peakHz: z.number().positive(),
});

const entryFields = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  brand: text.optional(),
  notes: text.optional(),
  cite: z.record(z.string(), citeSchema),
  alternatives: z.array(alternativeSchema).optional(),
};

const headphoneEntrySchema = z.strictObject({
  ...entryFields,
  kind: z.enum(['in-ear', 'on-ear', 'over-ear']),
  driver: text.optional(),
  back: text.optional(),
  fit: fitSchema.optional(),
  part: headphoneSchema,
});
const sourceEntrySchema = z.strictObject({
  ...entryFields,
  kind: z.enum(['phone', 'dongle', 'laptop', 'interface', 'dac', 'dap', 'reference']),
  part: sourceSchema,
});
const ampEntrySchema = z.strictObject({ ...entryFields, kind: z.enum(['desktop', 'portable', 'distribution']), part: ampSchema });

type Reference = z.infer<typeof referenceSchema>;
type Cite = z.infer<typeof citeSchema>;
export type FitData = z.infer<typeof fitSchema>;

/** Paths of every numeric figure in a value; a curve counts as one figure (`…curve`). */
export function numericFields(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return [path];
  if (value === null || typeof value !== 'object') return [];
  if (path.endsWith('curve')) return [path];
  return Object.entries(value).flatMap(([key, child]) => numericFields(child, path === '' ? key : `${path}.${key}`));
}

function valueAt(part: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), part);
}

export class CatalogDataError extends Error {}

function citation(field: string, cite: Cite, references: Readonly<Record<string, Reference>>, where: string): Citation {
  const { ref, kind, detail, reasoning } = typeof cite === 'string' ? { ref: cite, kind: undefined, detail: undefined, reasoning: undefined } : cite;
  const reference = references[ref];
  if (!reference) throw new CatalogDataError(`${where}: cites "${ref}", which references.json does not hold`);
  const resolved: { -readonly [K in keyof Citation]: Citation[K] } = {
    field,
    source: detail === undefined ? reference.source : `${reference.source}: ${detail}`,
    kind: kind ?? reference.kind,
  };
  if (reference.url !== undefined) resolved.url = reference.url;
  if (reasoning !== undefined) resolved.reasoning = reasoning;
  return resolved;
}

interface RawEntry {
  id: string;
  part: object;
  cite: Record<string, Cite>;
  alternatives?: { field: string; value: Alternative['value']; cite: Cite }[] | undefined;
}

function citations(entry: RawEntry, references: Readonly<Record<string, Reference>>, where: string): { citations: Citation[]; alternatives?: Alternative[] } {
  const cited: Citation[] = [];
  for (const [key, cite] of Object.entries(entry.cite)) {
    const fields = numericFields(valueAt(entry.part, key), key);
    if (fields.length === 0) throw new CatalogDataError(`${where}.cite["${key}"] names no figure of the part`);
    for (const field of fields) cited.push(citation(field, cite, references, `${where}.cite["${key}"]`));
  }
  if (!entry.alternatives) return { citations: cited };
  const alternatives = entry.alternatives.map((alternative, i): Alternative => ({
    field: alternative.field,
    value: alternative.value,
    citation: citation(alternative.field, alternative.cite, references, `${where}.alternatives[${i}]`),
  }));
  return { citations: cited, alternatives };
}

/** Parses one data file's array with an entry schema, naming the file, the entry and the field in errors. */
function parseEntries<T extends z.ZodType>(file: string, data: unknown, schema: T): z.infer<T>[] {
  const list = z.array(z.unknown()).safeParse(data);
  if (!list.success) throw new CatalogDataError(`${file} must hold an array of entries`);
  return list.data.map((raw, i) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : `#${i}`;
    const issue = parsed.error.issues[0]!;
    throw new CatalogDataError(`${file}: ${id}: ${formatPath(issue.path)} ${issue.message}`);
  });
}

export interface CatalogData {
  readonly headphones: readonly CatalogHeadphone[];
  readonly sources: readonly CatalogSource[];
  readonly amps: readonly CatalogAmp[];
  /** Extended headphones' network fits: the measured points each was fitted to. */
  readonly fits: Readonly<Record<string, FitData>>;
}

export interface RawCatalogData {
  references: unknown;
  headphones: unknown;
  sources: unknown;
  amps: unknown;
}

/** Turns the raw JSON of the data files into validated catalog entries. */
export function loadCatalogData(raw: RawCatalogData): CatalogData {
  const refs = z.record(z.string(), referenceSchema).safeParse(raw.references);
  if (!refs.success) throw new CatalogDataError(`references.json: ${formatPath(refs.error.issues[0]!.path)} ${refs.error.issues[0]!.message}`);
  const references = refs.data;
  const expand = <E extends RawEntry>(file: string, entry: E) => {
    const { cite: _cite, ...rest } = entry;
    return { ...rest, ...citations(entry, references, `${file}: ${entry.id}`) };
  };
  const fits: Record<string, FitData> = {};
  const headphones = parseEntries('headphones.json', raw.headphones, headphoneEntrySchema).map((entry): CatalogHeadphone => {
    const { fit, ...rest } = entry;
    if (fit) fits[entry.id] = fit;
    return expand('headphones.json', rest);
  });
  return {
    headphones,
    sources: parseEntries('sources.json', raw.sources, sourceEntrySchema).map((e): CatalogSource => expand('sources.json', e)),
    amps: parseEntries('amps.json', raw.amps, ampEntrySchema).map((e): CatalogAmp => expand('amps.json', e)),
    fits,
  };
}

