/**
 * The setup pair in the query string, for a shareable link:
 *
 *   ?a=<base64url of setup A's JSON>&b=<base64url of setup B's JSON>
 *   ?preset=<id>                       (a preset and its pairedWith, as pairFromPreset)
 *
 * `a`/`b` win over `preset`. Each parameter is at most MAX_URL_PARAM_CHARS characters.
 * Decoding never throws: a bad parameter gives a message that names the parameter and,
 * for an invalid setup, the field, e.g.
 * `URL parameter "b": headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got -3)`.
 */
import { parseSetup, type ParseResult, type Setup } from '../model/setup.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { pairFromPreset, PAIR_KEYS, type SetupPair } from './setup-pair.ts';

export const URL_PARAM_A = 'a';
export const URL_PARAM_B = 'b';
export const URL_PARAM_PRESET = 'preset';
/**
 * Upper bound on one encoded setup in a URL. A catalog setup encodes to 0.4–3.5 kB; 32 768
 * leaves room for measured curves of a few hundred points and stays far below browsers'
 * URL limits (Chromium: 2 MB). Beyond this, export the pair as a file.
 */
export const MAX_URL_PARAM_CHARS = 32_768;

export type UrlState =
  /** No a, b or preset parameter. */
  | { kind: 'none' }
  | { kind: 'ok'; pair: SetupPair; from: 'setups' | 'preset' }
  /** Messages name the parameter; `cutShort`: every bad parameter ends before its setup does (a link cut off when copied). */
  | { kind: 'invalid'; messages: string[]; cutShort: boolean };

export type UrlInput = URL | URLSearchParams | string;

export function paramsOf(input: UrlInput): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  if (input instanceof URL) return input.searchParams;
  try {
    return new URL(input).searchParams;
  } catch {
    // Not an absolute URL: a query string, with or without "?".
    const query = input.includes('?') ? input.slice(input.indexOf('?')) : input;
    return new URLSearchParams(query.split('#')[0]);
  }
}

/** Encodes one setup as a URL parameter value. */
export function encodeSetupParam(setup: Setup): string {
  return encodeBase64Url(JSON.stringify(setup));
}

/** The phrase that starts the message of a parameter whose text ends before its setup does. */
export const CUT_SHORT = 'was cut short';

/**
 * True when `text` is the start of a JSON document that ends too early: inside a string,
 * or with an object or array still open. (A link cut off when it was copied.) One pass over
 * the text, so any length is answered at once.
 */
export function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return inString || depth > 0;
}

/** Decodes and validates one parameter value; messages name `URL parameter "<name>"`. */
export function decodeSetupParam(name: string, value: string): ParseResult<Setup> {
  const subject = `URL parameter "${name}"`;
  if (value.length > MAX_URL_PARAM_CHARS) {
    return { ok: false, errors: [`${subject} is too long (${value.length} characters; at most ${MAX_URL_PARAM_CHARS})`] };
  }
  if (value.trim() === '') return { ok: false, errors: [`${subject} is empty`] };
  const cut = `${subject} ${CUT_SHORT} (its setup ends before it is complete)`;
  // A base64url length no text has is a link cut off mid-character.
  if (value.trim().length % 4 === 1) return { ok: false, errors: [cut] };
  const text = decodeBase64Url(value.trim());
  if (!text.ok) return { ok: false, errors: text.errors.map((e) => `${subject} ${e}`) };
  let data: unknown;
  try {
    data = JSON.parse(text.value);
  } catch (error) {
    return { ok: false, errors: [endsEarly(text.value) ? cut : `${subject} is not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = parseSetup(data);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `${subject}: ${e}`) };
  return parsed;
}

/** Reads the pair from a URL (absolute URL, URL object, search params or query string). */
export function decodeUrlState(input: UrlInput): UrlState {
  const params = paramsOf(input);
  const hasSetups = params.has(URL_PARAM_A) || params.has(URL_PARAM_B);
  if (hasSetups) {
    const messages: string[] = [];
    const decoded: Partial<SetupPair> = {};
    for (const key of PAIR_KEYS) {
      const values = params.getAll(key);
      if (values.length === 0) {
        messages.push(`URL parameter "${key}" is missing (a link needs both "a" and "b")`);
      } else if (values.length > 1) {
        messages.push(`URL parameter "${key}" appears ${values.length} times (give it once)`);
      } else {
        const parsed = decodeSetupParam(key, values[0]!);
        if (parsed.ok) decoded[key] = parsed.value;
        else messages.push(...parsed.errors);
      }
    }
    if (messages.length > 0 || !decoded.a || !decoded.b) return { kind: 'invalid', messages, cutShort: messages.every((m) => m.includes(CUT_SHORT)) };
    return { kind: 'ok', pair: { a: decoded.a, b: decoded.b }, from: 'setups' };
  }
  if (params.has(URL_PARAM_PRESET)) {
    const id = params.get(URL_PARAM_PRESET) ?? '';
    const pair = pairFromPreset(id.slice(0, 200));
    if (!pair.ok) return { kind: 'invalid', messages: pair.errors.map((e) => `URL parameter "${URL_PARAM_PRESET}": ${e}`), cutShort: false };
    return { kind: 'ok', pair: pair.value, from: 'preset' };
  }
  return { kind: 'none' };
}

/**
 * The query string for a pair (`a=…&b=…`, no "?"), or messages when a setup is too large
 * for a link.
 */
export function encodeUrlState(pair: SetupPair): ParseResult<string> {
  const params = new URLSearchParams();
  const errors: string[] = [];
  for (const key of PAIR_KEYS) {
    const value = encodeSetupParam(pair[key]);
    if (value.length > MAX_URL_PARAM_CHARS) {
      errors.push(`setup ${key.toUpperCase()} is too large for a link (${value.length} characters encoded; at most ${MAX_URL_PARAM_CHARS}); export the pair as a file instead`);
    }
    params.set(key, value);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: params.toString() };
}

/**
 * `base` with the pair in its query: `a` and `b` set, `preset` removed, other parameters
 * and the hash kept. For `history.replaceState`.
 */
export function urlWithPair(base: URL | string, pair: SetupPair): ParseResult<URL> {
  const encoded = encodeUrlState(pair);
  if (!encoded.ok) return encoded;
  const url = new URL(base.toString());
  const params = new URLSearchParams(encoded.value);
  url.searchParams.delete(URL_PARAM_PRESET);
  for (const key of PAIR_KEYS) url.searchParams.set(key, params.get(key)!);
  return { ok: true, value: url };
}
