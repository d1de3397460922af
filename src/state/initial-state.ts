/**
 * Where the app's first pair comes from: the URL, else the saved state, else the defaults.
 *
 * - A valid URL state (a/b or preset) wins. It is not saved here: nothing is written at start.
 * - An invalid URL state is reported in plain words and skipped: a link cut short says so in
 *   one sentence; any other fault also lists the messages naming the parameter and field.
 *   The saved state is used if valid, else the defaults. The saved state is left as it was,
 *   so a broken link loses nothing.
 * - An invalid saved state is reported and the defaults are used; it is not deleted either.
 */
import { defaultPair, type SetupPair } from './setup-pair.ts';
import { loadSavedState, type StorageLike } from './saved-state.ts';
import { decodeUrlState } from './url-state.ts';

export type StateOrigin = 'url' | 'preset' | 'saved' | 'default';

export interface InitialState {
  pair: SetupPair;
  origin: StateOrigin;
  /** For the user, in order; empty when everything loaded. */
  messages: string[];
}

export function initialState(url: URL | URLSearchParams | string, storage: StorageLike | null | undefined): InitialState {
  const messages: string[] = [];
  let fromUrl: ReturnType<typeof decodeUrlState>;
  try {
    fromUrl = decodeUrlState(url);
  } catch (error) {
    // decodeUrlState does not throw; this guards the promise that initialState never does.
    fromUrl = { kind: 'invalid', messages: [`the link could not be read (${String(error)})`], cutShort: false };
  }
  if (fromUrl.kind === 'ok') return { pair: fromUrl.pair, origin: fromUrl.from === 'preset' ? 'preset' : 'url', messages };

  const saved = loadSavedState(storage);
  if (fromUrl.kind === 'invalid') {
    const instead = saved.kind === 'ok' ? 'your saved setups are open instead.' : 'the default setups are open instead.';
    if (fromUrl.cutShort) messages.push(`This link was cut short; ${instead}`);
    else messages.push(...fromUrl.messages, `This link's setups could not be opened; ${instead}`);
  }
  if (saved.kind === 'ok') return { pair: saved.pair, origin: 'saved', messages };
  if (saved.kind === 'invalid') {
    messages.push(...saved.messages, 'The saved setups were not loaded (they are kept in storage until you change a setup); showing the default setups.');
  }
  return { pair: defaultPair(), origin: 'default', messages };
}
