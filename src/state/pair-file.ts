/**
 * Export and import of the pair as a JSON file:
 *
 *   { "format": "headroom/setup-pair@1", "a": <headroom/setup@1>, "b": <headroom/setup@1> }
 *
 * Import validates everything and names the field: `a.headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got -3)`.
 */
import { unknownFields, type ParseResult } from '../model/setup.ts';
import { describe, isPlainObject, PAIR_KEYS, parsePairFields, type SetupPair } from './setup-pair.ts';
import { MAX_SETUP_FILE_BYTES, readSetupFileText } from './setup-file-text.ts';

export const PAIR_FILE_FORMAT = 'headroom/setup-pair@1';
export const PAIR_FILE_NAME = 'headroom-setups.json';
/** Larger than any pair of valid setups (two with 2000-point curves are about 200 kB); the file's limit in bytes, as text. */
export const MAX_PAIR_FILE_CHARS = MAX_SETUP_FILE_BYTES;

export interface PairFile {
  format: typeof PAIR_FILE_FORMAT;
  a: SetupPair['a'];
  b: SetupPair['b'];
}

/** The file's text: pretty-printed, so a person can read and edit it. */
export function exportPairJson(pair: SetupPair): string {
  const file: PairFile = { format: PAIR_FILE_FORMAT, a: pair.a, b: pair.b };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * A pair file as the app's import reads it: `size` is checked before `read()` (a 200 MB file
 * is refused unread), then the bytes are decoded by the rule the CLI uses too (setup-file-text.ts).
 */
export async function readPairFile(size: number, read: () => Promise<Uint8Array>): Promise<ParseResult<SetupPair>> {
  const text = await readSetupFileText(size, read, `a ${PAIR_FILE_FORMAT} JSON file`);
  return text.ok ? importPairJson(text.value) : text;
}

export function importPairJson(text: string): ParseResult<SetupPair> {
  if (text.length > MAX_PAIR_FILE_CHARS) {
    return { ok: false, errors: [`file is too large (${text.length} characters; at most ${MAX_PAIR_FILE_CHARS})`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`file is not valid JSON: ${(error as Error).message}`] };
  }
  return parsePairFile(data);
}

/** Validates an already parsed pair file. */
export function parsePairFile(data: unknown): ParseResult<SetupPair> {
  if (!isPlainObject(data)) return { ok: false, errors: [`file must hold a JSON object (got ${describe(data)})`] };
  const errors: string[] = [];
  if (data.format !== PAIR_FILE_FORMAT) {
    errors.push(
      typeof data.format === 'string' && data.format.startsWith('headroom/setup@')
        ? `format is ${describe(data.format)}: this is one setup, not a pair (a pair file is {"format": "${PAIR_FILE_FORMAT}", "a": …, "b": …})`
        : `format must be "${PAIR_FILE_FORMAT}" (got ${describe(data.format)})`,
    );
  }
  const unknown = Object.keys(data).filter((key) => key !== 'format' && !(PAIR_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) errors.push(`file ${unknownFields(unknown)}`);
  if (errors.length > 0) return { ok: false, errors };
  return parsePairFields(data);
}
