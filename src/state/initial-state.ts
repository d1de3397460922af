/**
 * Where the app's first state comes from: the link, else the saved state, else the defaults.
 *
 * - A valid link pair (a/b, p or preset) wins. It is not saved here: nothing is written at
 *   start, and the saved pair it stands in for is returned (`savedPair`) so the app can offer
 *   to bring it back.
 * - An invalid link pair is reported in plain words and skipped: a link cut short says so in
 *   one sentence; any other fault also lists the messages naming the parameter and field.
 *   The saved state is used if valid, else the defaults. The saved state is left as it was,
 *   so a broken link loses nothing.
 * - An invalid saved state is reported and the defaults are used; it is not deleted either.
 * - A lesson in the link (`lesson`, `step`) is passed on for the app to open.
 * - The listening target comes from the saved state (default 110 dB SPL).
 */
import { DEFAULT_TARGET_SPL_DB } from '../model/advice.ts';
import { decodeLink, type Link, type LinkLesson } from './link.ts';
import { loadSavedState, type StorageLike } from './saved-state.ts';
import { defaultPair, type SetupPair } from './setup-pair.ts';
import type { UrlInput } from './url-state.ts';

export type StateOrigin = 'url' | 'preset' | 'saved' | 'default';

export interface InitialState {
  pair: SetupPair;
  origin: StateOrigin;
  /** For the user, in order; empty when everything loaded. */
  messages: string[];
  targetSplDb: number;
  lesson: LinkLesson | null;
  /** The valid saved pair when the link's pair is shown instead of it (else null). */
  savedPair: SetupPair | null;
}

export async function initialState(url: UrlInput, storage: StorageLike | null | undefined): Promise<InitialState> {
  const messages: string[] = [];
  let link: Link;
  try {
    link = await decodeLink(url);
  } catch (error) {
    // decodeLink does not throw; this guards the promise that initialState never does.
    link = { setups: { kind: 'invalid', messages: [`the link could not be read (${String(error)})`], cutShort: false }, lesson: null, lessonMessages: [] };
  }
  const saved = loadSavedState(storage);
  const targetSplDb = saved.kind === 'ok' ? saved.targetSplDb : DEFAULT_TARGET_SPL_DB;
  if (saved.kind === 'ok') messages.push(...saved.messages);
  messages.push(...link.lessonMessages);
  const { setups, lesson } = link;
  const common = { targetSplDb, lesson };
  if (setups.kind === 'ok') {
    return { pair: setups.pair, origin: setups.from === 'preset' ? 'preset' : 'url', messages, ...common, savedPair: saved.kind === 'ok' ? saved.pair : null };
  }
  if (setups.kind === 'invalid') {
    const instead = saved.kind === 'ok' ? 'your saved setups are open instead.' : 'the default setups are open instead.';
    if (setups.cutShort) messages.push(`This link was cut short; ${instead}`);
    else messages.push(...setups.messages, `This link's setups could not be opened; ${instead}`);
  }
  if (saved.kind === 'ok') return { pair: saved.pair, origin: 'saved', messages, ...common, savedPair: null };
  if (saved.kind === 'invalid') {
    messages.push(...saved.messages, 'The saved setups were not loaded (they are kept in storage until you change a setup); showing the default setups.');
  }
  return { pair: defaultPair(), origin: 'default', messages, ...common, savedPair: null };
}
