import { describe, expect, it } from 'vitest';
import { defaultPair } from '../../src/state/setup-pair.ts';
import { loadSavedState, SAVED_STATE_FORMAT, saveState, serializeSavedState, STORAGE_KEY, type StorageLike } from '../../src/state/saved-state.ts';
import { setup } from '../support/setups.ts';
import { MemoryStorage } from './memory-storage.ts';


const messagesOf = (state: ReturnType<typeof loadSavedState>): string[] => (state.kind === 'invalid' ? state.messages : []);
const withText = (text: string): MemoryStorage => {
  const storage = new MemoryStorage();
  storage.setItem(STORAGE_KEY, text);
  return storage;
};

describe('the saved state', () => {
  it('saves the pair in a versioned envelope and loads it back', () => {
    const storage = new MemoryStorage();
    const pair = defaultPair();
    const now = new Date('2026-11-23T12:00:00Z');
    expect(saveState(storage, pair, now)).toEqual({ ok: true, value: null });
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toEqual({ format: 'headroom/saved-state@2', savedAt: '2026-11-23T12:00:00.000Z', pair, targetSplDb: 110 });
    expect(loadSavedState(storage)).toEqual({ kind: 'ok', pair, savedAt: '2026-11-23T12:00:00.000Z', targetSplDb: 110, messages: [] });
  });

  it('keeps the listening target in @2, still reads @1 (with the default target), and reports a bad target without losing the pair', () => {
    const pair = defaultPair();
    const storage = new MemoryStorage();
    saveState(storage, pair, new Date('2026-11-23T12:00:00Z'), 104.5);
    expect(loadSavedState(storage)).toMatchObject({ kind: 'ok', pair, targetSplDb: 104.5, messages: [] });
    expect(loadSavedState(withText(JSON.stringify({ format: 'headroom/saved-state@1', savedAt: 'x', pair })))).toMatchObject({ kind: 'ok', pair, targetSplDb: 110, messages: [] });
    expect(loadSavedState(withText(JSON.stringify({ format: SAVED_STATE_FORMAT, savedAt: 'x', pair, targetSplDb: 200 })))).toMatchObject({
      kind: 'ok',
      pair,
      targetSplDb: 110,
      messages: ['Saved state: targetSplDb must be a number from 60 to 130 dB SPL (got 200); using 110 dB SPL'],
    });
  });

  it('is simply absent when nothing was saved or there is no storage', () => {
    expect(loadSavedState(new MemoryStorage())).toEqual({ kind: 'none' });
    expect(loadSavedState(null)).toEqual({ kind: 'none' });
  });

  it('reports corrupt JSON, another format, and a missing pair', () => {
    expect(messagesOf(loadSavedState(withText('{not json')))[0]).toMatch(/^Saved state is not valid JSON: /);
    expect(messagesOf(loadSavedState(withText('{"format":"headroom/saved-state@0","pair":{}}')))).toEqual([
      'Saved state has format "headroom/saved-state@0", not "headroom/saved-state@2" or "headroom/saved-state@1"',
    ]);
    expect(messagesOf(loadSavedState(withText(`{"format":"${SAVED_STATE_FORMAT}"}`)))).toEqual([
      'Saved state pair must be an object with "a" and "b" (got nothing)',
    ]);
    expect(messagesOf(loadSavedState(withText('42')))).toEqual(['Saved state must be an object (got 42)']);
  });

  it('names the setup and the field of an invalid saved setup', () => {
    const pair = { a: setup({ signal: { levelDbfs: 3 } }), b: setup() };
    expect(messagesOf(loadSavedState(withText(serializeSavedState(pair))))).toEqual(['Saved state: a.signal.levelDbfs must be from -120 to 0 dBFS (got 3)']);
  });

  it('reports storage that throws on read or write instead of throwing', () => {
    const blocked: StorageLike = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    expect(messagesOf(loadSavedState(blocked))).toEqual(['Saved state could not be read (The operation is insecure.)']);
    expect(saveState(blocked, defaultPair())).toEqual({ ok: false, errors: ['the setups could not be saved (The quota has been exceeded.)'] });
    expect(saveState(null, defaultPair()).ok).toBe(false);
  });

  it('refuses a saved text above the size bound without parsing it', () => {
    const text = ' '.repeat(1_000_001);
    expect(messagesOf(loadSavedState(withText(text)))).toEqual(['Saved state is too large (1000001 characters; at most 1000000)']);
  });
});
