/**
 * The allowed range of a numeric field, read from the model's zod schema (so the form and
 * the contract cannot disagree): `> 0 and ≤ 100000 Ω`.
 */
import { describeRange, quantityRanges } from '../../model/contract-fields.ts';
import { setupSchema } from '../../model/setup.ts';

interface Bound {
  value: number;
  inclusive: boolean;
}

export interface Range {
  min: Bound | null;
  max: Bound | null;
  /** 0 is allowed too (a quantity where 0 means "ideal" or "none"). */
  zero?: boolean;
}

interface ZodLike {
  _zod: { def: { type: string; shape?: Record<string, ZodLike>; element?: ZodLike; innerType?: ZodLike; in?: ZodLike; checks?: { _zod: { def: { check: string; value?: unknown; inclusive?: boolean } } }[] } };
}

/**
 * Spec-sheet ratings are validated by src/model/spec-sheet.ts with a schema it does not
 * export; these bounds copy it (powerMw > 0 ≤ 1e6, loadOhms > 0 ≤ 1e5).
 */
const RATING_RANGES: Record<string, Range> = {
  powerMw: { min: { value: 0, inclusive: false }, max: { value: 1e6, inclusive: true } },
  loadOhms: { min: { value: 0, inclusive: false }, max: { value: 1e5, inclusive: true } },
};

function unwrap(schema: ZodLike): ZodLike {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = current._zod.def;
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

function schemaAt(path: string): ZodLike | null {
  const keys = path.split(/\.|\[\d+\]/).filter((key) => key !== '');
  let current: ZodLike | undefined = setupSchema as unknown as ZodLike;
  // Array indices were removed above; step into array elements as they come.
  for (const key of keys) {
    current = unwrap(current);
    while (current._zod.def.type === 'array' && current._zod.def.element) current = unwrap(current._zod.def.element);
    current = current._zod.def.shape?.[key];
    if (!current) return null;
  }
  current = unwrap(current);
  return current._zod.def.type === 'number' ? current : null;
}

export function rangeOf(path: string): Range | null {
  const rating = /^ratings\[\d+\]\.(\w+)$/.exec(path);
  if (rating) return RATING_RANGES[rating[1]!] ?? null;
  const schema = schemaAt(path);
  if (!schema) return null;
  // The contract's quantities carry their range (src/model/contract-fields.ts).
  const quantity = quantityRanges.get(schema as never);
  if (quantity) {
    return { min: { value: quantity.min, inclusive: !quantity.exclusive }, max: { value: quantity.max, inclusive: !quantity.exclusive }, zero: quantity.zero !== undefined };
  }
  const range: Range = { min: null, max: null };
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def;
    if (typeof def.value !== 'number') continue;
    if (def.check === 'greater_than') range.min = { value: def.value, inclusive: def.inclusive ?? false };
    if (def.check === 'less_than') range.max = { value: def.value, inclusive: def.inclusive ?? false };
  }
  return range.min || range.max ? range : null;
}

/** `> 0 and ≤ 100000 Ω`, `−120 to 0 dB` (both inclusive), `≥ 0`. */
export function rangeText(range: Range, unit = ''): string {
  const u = unit ? `\u202f${unit}` : '';
  const n = (value: number): string => String(value).replace('-', '\u2212');
  const { min, max } = range;
  const zero = range.zero ? '0 or ' : '';
  if (min && max && min.inclusive && max.inclusive) return `${zero}${n(min.value)} to ${n(max.value)}${u}`;
  const parts: string[] = [];
  if (min) parts.push(`${min.inclusive ? '≥' : '>'} ${n(min.value)}`);
  if (max) parts.push(`${max.inclusive ? '≤' : '<'} ${n(max.value)}`);
  return `${parts.join(' and ')}${u}`;
}

/** The unit a field's name carries (units live in names in this project). */
export function unitOf(path: string): string {
  const key = path.split('.').pop() ?? '';
  if (/Ohms$/.test(key)) return 'Ω';
  if (/Vrms$/.test(key)) return 'Vrms';
  if (/Ma$/.test(key)) return 'mA';
  if (/Uf$/.test(key)) return 'µF';
  if (/Dbfs$/.test(key)) return 'dBFS';
  if (/Db$/.test(key)) return 'dB';
  if (/Mw$/.test(key)) return 'mW';
  return '';
}

/** Whether a message already states the field's range (the contract's quantities say it in full). */
export function statesRange(message: string, path: string): boolean {
  const schema = schemaAt(path);
  const quantity = schema ? quantityRanges.get(schema as never) : undefined;
  return quantity !== undefined && message.includes(describeRange(quantity));
}
