import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { initialState } from '../../src/state/initial-state.ts';
import { saveState, STORAGE_KEY, type StorageLike } from '../../src/state/saved-state.ts';
import { defaultPair } from '../../src/state/setup-pair.ts';
import { encodeSetupParam } from '../../src/state/url-state.ts';
import { encodeBase64Url } from '../../src/state/base64url.ts';
import { shareQuery } from '../../src/state/link.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';
import { MemoryStorage } from './memory-storage.ts';

const BASE = 'https://headroom.example/';
const savedPair = { a: setup({ headphones: [resistiveHeadphone(16, 'Saved A')] }), b: setup({ headphones: [resistiveHeadphone(600, 'Saved B')] }) };
const urlPair = { a: setup({ headphones: [resistiveHeadphone(32, 'Link A')] }), b: setup({ headphones: [resistiveHeadphone(80, 'Link B')] }) };
const linkTo = (pair: typeof urlPair) => `${BASE}?a=${encodeSetupParam(pair.a)}&b=${encodeSetupParam(pair.b)}`;

function storageWith(pair: typeof savedPair | null): MemoryStorage {
  const storage = new MemoryStorage();
  if (pair) saveState(storage, pair);
  return storage;
}

describe('the initial state: URL, then saved, then defaults', async () => {
  it('takes a valid URL pair over the saved one, without writing storage, and hands back the saved pair it stands in for', async () => {
    const storage = storageWith(savedPair);
    const before = storage.getItem(STORAGE_KEY);
    expect(await initialState(linkTo(urlPair), storage)).toEqual({ pair: urlPair, origin: 'url', messages: [], targetSplDb: 110, lesson: null, savedPair });
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });

  it('takes ?preset= over the saved pair', async () => {
    const state = await initialState(`${BASE}?preset=iec-120-ohm-hf5`, storageWith(savedPair));
    expect(state.origin).toBe('preset');
    expect(state.pair.a).toEqual(findPreset('iec-120-ohm-hf5')!.setup);
    expect(state.messages).toEqual([]);
  });

  it('uses the saved pair when the URL has none', async () => {
    expect(await initialState(BASE, storageWith(savedPair))).toEqual({ pair: savedPair, origin: 'saved', messages: [], targetSplDb: 110, lesson: null, savedPair: null });
  });

  it('uses the defaults when there is neither, silently', async () => {
    const defaults = { pair: defaultPair(), origin: 'default', messages: [], targetSplDb: 110, lesson: null, savedPair: null };
    expect(await initialState(BASE, storageWith(null))).toEqual(defaults);
    expect(await initialState(BASE, null)).toEqual(defaults);
  });

  it('falls back from an invalid URL to the saved pair, says why, and leaves the saved pair untouched', async () => {
    const bad = setup({ headphones: [{ ...resistiveHeadphone(32), impedance: { nominalOhms: -3 } }] });
    const storage = storageWith(savedPair);
    const before = storage.getItem(STORAGE_KEY);
    const state = await initialState(`${BASE}?a=${encodeSetupParam(setup())}&b=${encodeBase64Url(JSON.stringify(bad))}`, storage);
    expect(state).toEqual({
      pair: savedPair,
      origin: 'saved',
      targetSplDb: 110,
      lesson: null,
      savedPair: null,
      messages: [
        'URL parameter "b": headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got -3)',
        "This link's setups could not be opened; your saved setups are open instead.",
      ],
    });
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });

  it('falls back from an invalid URL and an invalid saved state to the defaults, reporting both', async () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"format":"headroom/saved-state@1","pair":{"a":1,"b":2}}');
    const state = await initialState(`${BASE}?preset=gone`, storage);
    expect(state.origin).toBe('default');
    expect(state.pair).toEqual(defaultPair());
    expect(state.messages[0]).toMatch(/^URL parameter "preset": no preset "gone"/);
    expect(state.messages.slice(1)).toEqual([
      "This link's setups could not be opened; the default setups are open instead.",
      'Saved state: a must be an object (got 1)',
      'Saved state: b must be an object (got 2)',
      'The saved setups were not loaded (they are kept in storage until you change a setup); showing the default setups.',
    ]);
    expect(storage.getItem(STORAGE_KEY)).toContain('"a":1');
  });

  it('never throws on storage that throws', async () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const state = await initialState(BASE, throwing);
    expect(state.origin).toBe('default');
    expect(state.messages[0]).toBe('Saved state could not be read (denied)');
  });

  it('reads the target from a @2 saved state, and a lesson and step from the link', async () => {
    const storage = new MemoryStorage();
    saveState(storage, savedPair, new Date(), 96);
    const state = await initialState(`${BASE}?lesson=splitters&step=4`, storage);
    expect(state).toMatchObject({ pair: savedPair, origin: 'saved', targetSplDb: 96, lesson: { id: 'splitters', step: 4 }, messages: [] });
  });

  it('opens a compact p= link, and says which parameter is wrong in a broken one', async () => {
    const query = await shareQuery({ pair: urlPair, lesson: null });
    expect(query.startsWith('p=')).toBe(true);
    expect(await initialState(`${BASE}?${query}`, storageWith(savedPair))).toMatchObject({ pair: urlPair, origin: 'url', savedPair });
    const broken = await initialState(`${BASE}?${query.slice(0, -12)}`, storageWith(savedPair));
    expect(broken.pair).toEqual(savedPair);
    expect(broken.messages).toEqual(['This link was cut short; your saved setups are open instead.']);
  });
});
