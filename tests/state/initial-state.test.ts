import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { initialState } from '../../src/state/initial-state.ts';
import { saveState, STORAGE_KEY, type StorageLike } from '../../src/state/saved-state.ts';
import { defaultPair } from '../../src/state/setup-pair.ts';
import { encodeSetupParam } from '../../src/state/url-state.ts';
import { encodeBase64Url } from '../../src/state/base64url.ts';
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

describe('the initial state: URL, then saved, then defaults', () => {
  it('takes a valid URL pair over the saved one, without writing storage', () => {
    const storage = storageWith(savedPair);
    const before = storage.getItem(STORAGE_KEY);
    expect(initialState(linkTo(urlPair), storage)).toEqual({ pair: urlPair, origin: 'url', messages: [] });
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });

  it('takes ?preset= over the saved pair', () => {
    const state = initialState(`${BASE}?preset=iec-120-ohm-hf5`, storageWith(savedPair));
    expect(state.origin).toBe('preset');
    expect(state.pair.a).toEqual(findPreset('iec-120-ohm-hf5')!.setup);
    expect(state.messages).toEqual([]);
  });

  it('uses the saved pair when the URL has none', () => {
    expect(initialState(BASE, storageWith(savedPair))).toEqual({ pair: savedPair, origin: 'saved', messages: [] });
  });

  it('uses the defaults when there is neither, silently', () => {
    expect(initialState(BASE, storageWith(null))).toEqual({ pair: defaultPair(), origin: 'default', messages: [] });
    expect(initialState(BASE, null)).toEqual({ pair: defaultPair(), origin: 'default', messages: [] });
  });

  it('falls back from an invalid URL to the saved pair, says why, and leaves the saved pair untouched', () => {
    const bad = setup({ headphones: [{ ...resistiveHeadphone(32), impedance: { nominalOhms: -3 } }] });
    const storage = storageWith(savedPair);
    const before = storage.getItem(STORAGE_KEY);
    const state = initialState(`${BASE}?a=${encodeSetupParam(setup())}&b=${encodeBase64Url(JSON.stringify(bad))}`, storage);
    expect(state).toEqual({
      pair: savedPair,
      origin: 'saved',
      messages: [
        'URL parameter "b": headphones[0].impedance.nominalOhms must be > 0 (got -3)',
        "This link's setups could not be opened; your saved setups are open instead.",
      ],
    });
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });

  it('falls back from an invalid URL and an invalid saved state to the defaults, reporting both', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"format":"headroom/saved-state@1","pair":{"a":1,"b":2}}');
    const state = initialState(`${BASE}?preset=gone`, storage);
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

  it('never throws on storage that throws', () => {
    const throwing: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const state = initialState(BASE, throwing);
    expect(state.origin).toBe('default');
    expect(state.messages[0]).toBe('Saved state could not be read (denied)');
  });
});
