/**
 * The pair of setups the app compares: A and B. Pure: no DOM, no storage.
 */
import { defaultPresetId, findPreset, presets } from '../model/catalog/presets.ts';
import { escapeInvisible } from '../model/contract-fields.ts';
import { parseSetup, type ParseResult, type Setup } from '../model/setup.ts';

export interface SetupPair {
  a: Setup;
  b: Setup;
}

export type PairKey = keyof SetupPair;
export const PAIR_KEYS: readonly PairKey[] = ['a', 'b'];

/**
 * Both setups of a preset: A is the preset, B its `pairedWith` preset. A preset with no
 * pair gets B = a copy of A, so the user changes one thing in B and hears only that.
 * The setups are copies: editing them never touches the catalog.
 */
export function pairFromPreset(id: string): ParseResult<SetupPair> {
  const preset = findPreset(id);
  if (!preset) {
    return { ok: false, errors: [`no preset "${id}" (known: ${presets.map((p) => p.id).join(', ')})`] };
  }
  const paired = preset.pairedWith ? findPreset(preset.pairedWith) : undefined;
  return { ok: true, value: { a: structuredClone(preset.setup), b: structuredClone((paired ?? preset).setup) } };
}

/** A phone driving a 300 Ω HD 600 directly (A) and through a Magni 2 (B): presets phone-hd600 and phone-amp-hd600. */
export function defaultPair(): SetupPair {
  const pair = pairFromPreset(defaultPresetId);
  if (!pair.ok) throw new Error(`the default preset is missing: ${pair.errors.join('; ')}`);
  return pair.value;
}

/**
 * Puts `prefix` in front of a parseSetup message's field path:
 * `headphones[0].name …` → `a.headphones[0].name …`, `setup must be an object …` → `a must be an object …`.
 */
export function qualifyMessage(prefix: string, message: string): string {
  if (/^setup[\s:]/.test(message)) return prefix + message.slice('setup'.length);
  if (message.startsWith('[')) return prefix + message;
  return `${prefix}.${message}`;
}

/** Validates `{ a, b }` (extra keys are the caller's business); messages name `a.…` / `b.…`. */
export function parsePairFields(input: Record<string, unknown>, prefix = ''): ParseResult<SetupPair> {
  const errors: string[] = [];
  const value: Partial<SetupPair> = {};
  for (const key of PAIR_KEYS) {
    const where = prefix + key;
    if (!(key in input) || input[key] === undefined) {
      errors.push(`${where} is required (a headroom/setup@1 object)`);
      continue;
    }
    const parsed = parseSetup(input[key]);
    if (parsed.ok) value[key] = parsed.value;
    else errors.push(...parsed.errors.map((message) => qualifyMessage(where, message)));
  }
  if (errors.length > 0 || !value.a || !value.b) return { ok: false, errors };
  return { ok: true, value: { a: value.a, b: value.b } };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe description of any value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return escapeInvisible(JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value));
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
