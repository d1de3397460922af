/**
 * A pair of setups as short as a link can hold it, for QR codes a class can scan from the back
 * of the room (docs/state.md, "Share links"):
 *
 *   p = "1" + base64url( deflate-raw( JSON of the pair with catalog parts as their ids ) )
 *
 * Catalog-aware: a source, amp, splitter or headphone equal to a catalog part is written as
 * its id ("sennheiser-hd-600"; a source at another volume as "iphone-6-jack@-12"), so two
 * setups of eight catalog headphones take about 300 characters. Anything else is written out.
 * Decoding expands the ids and validates with parseSetup, so messages name the field:
 * `URL parameter "p": b.headphones[2] names no catalog headphone "x"`.
 *
 * deflate-raw runs in CompressionStream, which browsers and Node ≥ 18 have: no library.
 */
import { amps } from '../model/catalog/amps.ts';
import { headphones } from '../model/catalog/headphones.ts';
import { sources } from '../model/catalog/sources.ts';
import { splitters } from '../model/catalog/splitters.ts';
import { parseSetup, type ParseResult, type Setup } from '../model/setup.ts';
import { base64UrlToBytes, bytesToBase64Url } from './base64url.ts';
import { CUT_SHORT, endsEarly } from './url-state.ts';
import { describe, isPlainObject, PAIR_KEYS, qualifyMessage, type SetupPair } from './setup-pair.ts';

export const URL_PARAM_COMPACT = 'p';
/** The codec's version, the first character of the parameter. */
const VERSION = '1';
/** Bounds on what decoding reads: far above any pair a link should carry. */
const MAX_PARAM_CHARS = 16_384;
const MAX_INFLATED_BYTES = 1_000_000;

type Catalog = readonly { readonly id: string; readonly part: object }[];
const CATALOGS = { source: sources, amp: amps, splitter: splitters, headphone: headphones } satisfies Record<string, Catalog>;
type PartKind = keyof typeof CATALOGS;

/** Deep equality of JSON values, key order ignored. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether two pairs hold the same setups (key order and undefined fields ignored). */
export function samePair(a: SetupPair, b: SetupPair): boolean {
  return sameJson(a.a, b.a) && sameJson(a.b, b.b);
}

function catalogId(kind: PartKind, part: object): string | null {
  return CATALOGS[kind].find((entry) => sameJson(entry.part, part))?.id ?? null;
}

function compactSource(source: Setup['source']): unknown {
  const id = catalogId('source', { ...source, volumeDb: 0 });
  if (id === null) return source;
  return source.volumeDb === 0 ? id : `${id}@${source.volumeDb}`;
}

function compactSetup(setup: Setup): unknown {
  return {
    ...setup,
    source: compactSource(setup.source),
    amp: setup.amp && (catalogId('amp', setup.amp) ?? setup.amp),
    splitter: setup.splitter && (catalogId('splitter', setup.splitter) ?? setup.splitter),
    headphones: setup.headphones.map((h) => catalogId('headphone', h) ?? h),
  };
}

/** The pair's `p` value: version, then base64url of the deflated catalog-aware JSON. */
export async function encodeCompactPair(pair: SetupPair): Promise<string> {
  const json = JSON.stringify({ a: compactSetup(pair.a), b: compactSetup(pair.b) });
  return VERSION + bytesToBase64Url(await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw')));
}

/** Decodes and validates a `p` value; never throws, messages name `URL parameter "p"`. */
export async function decodeCompactPair(value: string): Promise<ParseResult<SetupPair>> {
  const subject = `URL parameter "${URL_PARAM_COMPACT}"`;
  const fail = (message: string): ParseResult<SetupPair> => ({ ok: false, errors: [`${subject} ${message}`] });
  if (value.length > MAX_PARAM_CHARS) return fail(`is too long (${value.length} characters; at most ${MAX_PARAM_CHARS})`);
  if (!value.startsWith(VERSION)) return fail(`starts with ${describe(value.slice(0, 1))}, not "${VERSION}" (a link from a newer Headroom?)`);
  const cut = `${CUT_SHORT} (its setups end before they are complete)`;
  // A base64url length no bytes have is a link cut off mid-character.
  if (value.length % 4 === 2) return fail(cut);
  const bytes = base64UrlToBytes(value.slice(1));
  if (!bytes.ok) return fail(bytes.errors[0]!);
  let text: string;
  try {
    const inflated = await pipe(bytes.value, new DecompressionStream('deflate-raw'), MAX_INFLATED_BYTES);
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    // A deflate stream that stops early is what a link cut off when copied leaves; other damage rarely fails to inflate.
    return fail(cut);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(endsEarly(text) ? cut : `is not valid JSON inside: ${(error as Error).message}`);
  }
  if (!isPlainObject(data)) return fail(`must hold an object with "a" and "b" (got ${describe(data)})`);
  const errors: string[] = [];
  const pair: Partial<SetupPair> = {};
  for (const key of PAIR_KEYS) {
    const expanded = expandSetup(data[key], key);
    if (!expanded.ok) {
      errors.push(...expanded.errors.map((e) => `${subject}: ${e}`));
      continue;
    }
    const parsed = parseSetup(expanded.value);
    if (parsed.ok) pair[key] = parsed.value;
    else errors.push(...parsed.errors.map((e) => `${subject}: ${qualifyMessage(key, e)}`));
  }
  if (errors.length > 0 || !pair.a || !pair.b) return { ok: false, errors };
  return { ok: true, value: { a: pair.a, b: pair.b } };
}

/** Catalog ids back to parts (copies); everything else is left for parseSetup to judge. */
function expandSetup(data: unknown, where: string): ParseResult<unknown> {
  if (!isPlainObject(data)) return { ok: true, value: data };
  const errors: string[] = [];
  const part = (kind: PartKind, value: unknown, path: string): unknown => {
    if (typeof value !== 'string') return value;
    const entry = CATALOGS[kind].find((candidate) => candidate.id === value);
    if (!entry) errors.push(`${path} names no catalog ${kind} ${describe(value)}`);
    return entry ? structuredClone(entry.part) : value;
  };
  const setup: Record<string, unknown> = { ...data };
  if (typeof data.source === 'string') {
    const [id, volume] = data.source.split('@');
    const source = part('source', id, `${where}.source`);
    setup.source = isPlainObject(source) && volume !== undefined ? { ...source, volumeDb: Number(volume) } : source;
  }
  setup.amp = part('amp', data.amp, `${where}.amp`);
  setup.splitter = part('splitter', data.splitter, `${where}.splitter`);
  if (Array.isArray(data.headphones)) setup.headphones = data.headphones.map((h, i) => part('headphone', h, `${where}.headphones[${i}]`));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: setup };
}

/** Runs bytes through a (de)compression stream; stops with an error past `maxBytes`. */
async function pipe(input: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes = Number.POSITIVE_INFINITY): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(input as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`it expands past ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
