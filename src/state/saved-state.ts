/**
 * The pair saved in localStorage (or any Storage-like object), in a versioned envelope:
 *
 *   key "headroom:state" → {"format":"headroom/saved-state@2","savedAt":"<ISO time>","pair":{"a":…,"b":…},"targetSplDb":110}
 *
 * @2 adds the listening target (the peak SPL the advice judges against); @1 envelopes
 * (no target) are still read, and their target is the default.
 *
 * Loading never throws: missing → nothing; unreadable storage, too large, not JSON, another
 * format or an invalid setup → a message naming the field (`Saved state: a.signal.levelDbfs …`).
 * Nothing is written while loading, so a bad saved state stays for the user to recover.
 */
import { checkTargetSplDb, DEFAULT_TARGET_SPL_DB } from '../model/advice.ts';
import type { ParseResult } from '../model/setup.ts';
import { describe, isPlainObject, parsePairFields, type SetupPair } from './setup-pair.ts';

export const STORAGE_KEY = 'headroom:state';
export const SAVED_STATE_FORMAT = 'headroom/saved-state@2';
export const SAVED_STATE_FORMAT_V1 = 'headroom/saved-state@1';
/** localStorage holds about 5 M characters per origin; a pair is a few kB. */
export const MAX_SAVED_STATE_CHARS = 1_000_000;

/** The part of the Web Storage API used here (localStorage, sessionStorage, or a test double). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface SavedStateEnvelope {
  format: typeof SAVED_STATE_FORMAT;
  savedAt: string;
  pair: SetupPair;
  /** The peak SPL the listener wants clean (dB SPL). */
  targetSplDb: number;
}

export type SavedState =
  | { kind: 'none' }
  /** `messages` reports a bad target, which is replaced by the default without losing the pair. */
  | { kind: 'ok'; pair: SetupPair; savedAt: string | null; targetSplDb: number; messages: string[] }
  | { kind: 'invalid'; messages: string[] };

const SUBJECT = 'Saved state';

export function loadSavedState(storage: StorageLike | null | undefined): SavedState {
  if (!storage) return { kind: 'none' };
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch (error) {
    return { kind: 'invalid', messages: [`${SUBJECT} could not be read (${errorText(error)})`] };
  }
  if (text === null) return { kind: 'none' };
  return parseSavedState(String(text));
}

/** Parses the stored text of the envelope. */
export function parseSavedState(text: string): SavedState {
  const invalid = (message: string): SavedState => ({ kind: 'invalid', messages: [`${SUBJECT} ${message}`] });
  if (text.length > MAX_SAVED_STATE_CHARS) return invalid(`is too large (${text.length} characters; at most ${MAX_SAVED_STATE_CHARS})`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return invalid(`is not valid JSON: ${errorText(error)}`);
  }
  if (!isPlainObject(data)) return invalid(`must be an object (got ${describe(data)})`);
  if (data.format !== SAVED_STATE_FORMAT && data.format !== SAVED_STATE_FORMAT_V1) {
    return invalid(`has format ${describe(data.format)}, not "${SAVED_STATE_FORMAT}" or "${SAVED_STATE_FORMAT_V1}"`);
  }
  if (!isPlainObject(data.pair)) return invalid(`pair must be an object with "a" and "b" (got ${describe(data.pair)})`);
  const parsed = parsePairFields(data.pair);
  if (!parsed.ok) return { kind: 'invalid', messages: parsed.errors.map((e) => `${SUBJECT}: ${e}`) };
  const target = data.format === SAVED_STATE_FORMAT_V1 ? { value: DEFAULT_TARGET_SPL_DB, messages: [] } : savedTarget(data.targetSplDb);
  return { kind: 'ok', pair: parsed.value, savedAt: typeof data.savedAt === 'string' ? data.savedAt : null, targetSplDb: target.value, messages: target.messages };
}

/** A bad target loses nothing else: it is reported and the default is used. */
function savedTarget(value: unknown): { value: number; messages: string[] } {
  try {
    return { value: checkTargetSplDb(value as number), messages: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { value: DEFAULT_TARGET_SPL_DB, messages: [`${SUBJECT}: ${message}; using ${DEFAULT_TARGET_SPL_DB} dB SPL`] };
  }
}

export function serializeSavedState(pair: SetupPair, now: Date = new Date(), targetSplDb: number = DEFAULT_TARGET_SPL_DB): string {
  const envelope: SavedStateEnvelope = { format: SAVED_STATE_FORMAT, savedAt: now.toISOString(), pair, targetSplDb };
  return JSON.stringify(envelope);
}

/** Saves the pair and the target; a full or blocked storage gives a message, never an exception. */
export function saveState(
  storage: StorageLike | null | undefined,
  pair: SetupPair,
  now: Date = new Date(),
  targetSplDb: number = DEFAULT_TARGET_SPL_DB,
): ParseResult<null> {
  if (!storage) return { ok: false, errors: ['the setups cannot be saved: this browser gives the page no storage'] };
  try {
    storage.setItem(STORAGE_KEY, serializeSavedState(pair, now, targetSplDb));
    return { ok: true, value: null };
  } catch (error) {
    return { ok: false, errors: [`the setups could not be saved (${errorText(error)})`] };
  }
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
