/**
 * The app survives its own saved state. A setup that freezes or breaks the page would, once
 * saved, freeze it again on every later visit (issue 18: a subnormal impedance did). So a
 * visit marks itself "booting" in storage before the app reads its state, and clears the
 * mark once the page has rendered (src/boot/boot-guard.ts). A mark still there at the next
 * visit means that visit never finished: this one then starts on the default setups, and
 * the saved setups (and a link's, which may be the cause) are set aside, not lost:
 *
 *   "headroom:recovered" → {"format":"headroom/recovered-state@1","at":…,"reasons":[…],"savedText":…,"linkQuery":…}
 *
 * kept until the user downloads or discards it, and offered as a pair file. Saved setups
 * that no longer validate (say, a value outside today's ranges) are set aside the same way,
 * with the validation messages as the reason. Pure: the page passes storage and the URL in.
 */
import { PAIR_FILE_FORMAT } from './pair-file.ts';
import { loadSavedState, STORAGE_KEY, type StorageLike } from './saved-state.ts';
import { isPlainObject } from './setup-pair.ts';
import { URL_PARAM_A, URL_PARAM_B, URL_PARAM_PRESET } from './url-state.ts';

export const BOOT_MARK_KEY = 'headroom:booting';
export const RECOVERED_KEY = 'headroom:recovered';
export const RECOVERED_FORMAT = 'headroom/recovered-state@1';
export const RECOVERED_FILE_NAME = 'headroom-saved-setups.json';

export interface BootStorage extends StorageLike {
  removeItem(key: string): void;
}

export interface Recovered {
  format: typeof RECOVERED_FORMAT;
  /** When it was set aside (ISO time). */
  at: string;
  /** Why, in plain words, for the notice. */
  reasons: string[];
  /** The saved state's stored text as it was; null when there was none. */
  savedText: string | null;
  /** The link's setup parameters (`a=…&b=…` or `preset=…`) when they were set aside too. */
  linkQuery: string | null;
}

export interface BootStart {
  /** The URL's setup parameters must not be loaded on this visit (strip them before the app reads the URL). */
  dropLink: boolean;
  /** What to tell the user (this visit's recovery, or an earlier one not yet downloaded or discarded). */
  recovered: Recovered | null;
}

export const UNFINISHED_VISIT =
  'The last visit stopped before the page finished loading (it froze or failed while loading). To be safe, this visit starts on the default setups.';
export const UNREADABLE_SAVED = 'Your saved setups could not be restored, so this visit starts on the default setups.';

const LINK_PARAMS = [URL_PARAM_A, URL_PARAM_B, URL_PARAM_PRESET];

function get(storage: StorageLike, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Storage failures (full, blocked) must not stop the page: the guard then simply does less. */
function attempt(action: () => void): void {
  try {
    action();
  } catch {
    // Nothing to do: without storage there is no saved state to protect either.
  }
}

export function linkQueryOf(url: URL | string): string | null {
  const params = new URL(url.toString()).searchParams;
  const kept = new URLSearchParams();
  for (const key of LINK_PARAMS) for (const value of params.getAll(key)) kept.append(key, value);
  const query = kept.toString();
  return query === '' ? null : query;
}

/** `url` without its setup parameters (other parameters and the hash kept). */
export function withoutLink(url: URL | string): URL {
  const out = new URL(url.toString());
  for (const key of LINK_PARAMS) out.searchParams.delete(key);
  return out;
}

export function parseRecovered(text: string | null): Recovered | null {
  if (text === null) return null;
  try {
    const data: unknown = JSON.parse(text);
    if (!isPlainObject(data) || data.format !== RECOVERED_FORMAT || !Array.isArray(data.reasons)) return null;
    return {
      format: RECOVERED_FORMAT,
      at: typeof data.at === 'string' ? data.at : '',
      reasons: data.reasons.filter((r): r is string => typeof r === 'string'),
      savedText: typeof data.savedText === 'string' ? data.savedText : null,
      linkQuery: typeof data.linkQuery === 'string' ? data.linkQuery : null,
    };
  } catch {
    return null;
  }
}

/**
 * Call before the app reads the URL or the saved state. Sets the "booting" mark; when the
 * previous visit left its mark, or the saved setups do not validate, sets them aside.
 */
export function beginBoot(storage: BootStorage | null, url: URL | string, now: Date = new Date()): BootStart {
  if (!storage) return { dropLink: false, recovered: null };
  const unfinished = get(storage, BOOT_MARK_KEY) !== null;
  const savedText = get(storage, STORAGE_KEY);
  const reasons: string[] = [];
  if (unfinished) {
    reasons.push(UNFINISHED_VISIT);
  } else if (savedText !== null) {
    const saved = loadSavedState(storage);
    if (saved.kind === 'invalid') reasons.push(...saved.messages, UNREADABLE_SAVED);
  }
  const linkQuery = unfinished ? linkQueryOf(url) : null;
  let recovered = parseRecovered(get(storage, RECOVERED_KEY));
  if (reasons.length > 0) {
    const current: Recovered = { format: RECOVERED_FORMAT, at: now.toISOString(), reasons, savedText, linkQuery };
    // A copy set aside earlier and never downloaded stays, unless this one holds setups of its own.
    const keepEarlier = recovered !== null && recovered.savedText !== null && savedText === null && linkQuery === null;
    if (!keepEarlier) {
      recovered = current;
      if (savedText !== null || linkQuery !== null) attempt(() => storage.setItem(RECOVERED_KEY, JSON.stringify(current)));
    } else {
      recovered = { ...recovered!, reasons };
    }
    if (savedText !== null) attempt(() => storage.removeItem(STORAGE_KEY));
  }
  attempt(() => storage.setItem(BOOT_MARK_KEY, now.toISOString()));
  return { dropLink: linkQuery !== null, recovered };
}

/** The page rendered: the next visit may trust what this one saves. */
export function finishBoot(storage: BootStorage | null): void {
  if (storage) attempt(() => storage.removeItem(BOOT_MARK_KEY));
}

/** The user downloaded or discarded the set-aside copy. */
export function discardRecovered(storage: BootStorage | null): void {
  if (storage) attempt(() => storage.removeItem(RECOVERED_KEY));
}

/**
 * The set-aside setups as a file: a `headroom/setup-pair@1` file (import it once the bad
 * value is fixed) when the saved text holds a pair, the saved text as it was otherwise, and
 * the link's parameters when only a link was set aside.
 */
export function recoveredFileText(recovered: Recovered): string | null {
  if (recovered.savedText !== null) {
    try {
      const data: unknown = JSON.parse(recovered.savedText);
      if (isPlainObject(data) && isPlainObject(data.pair)) {
        return `${JSON.stringify({ format: PAIR_FILE_FORMAT, a: data.pair.a, b: data.pair.b }, null, 2)}\n`;
      }
    } catch {
      // Not JSON: hand it back exactly as it was stored.
    }
    return recovered.savedText;
  }
  if (recovered.linkQuery !== null) return `${JSON.stringify({ link: `?${recovered.linkQuery}` }, null, 2)}\n`;
  return null;
}
