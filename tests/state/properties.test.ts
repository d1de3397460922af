/**
 * Properties of the state boundaries over random input (fast-check): any valid pair survives
 * every encoding unchanged, and any garbage in the URL, the storage or a file gives messages,
 * never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/state/initial-state.ts';
import { exportPairJson, importPairJson } from '../../src/state/pair-file.ts';
import { loadSavedState, parseSavedState, serializeSavedState, STORAGE_KEY } from '../../src/state/saved-state.ts';
import { defaultPair } from '../../src/state/setup-pair.ts';
import { decodeUrlState, encodeSetupParam, encodeUrlState } from '../../src/state/url-state.ts';
import { encodeBase64Url } from '../../src/state/base64url.ts';
import { validPair } from './arbitraries.ts';
import { MemoryStorage } from './memory-storage.ts';

const RUNS = { numRuns: 200 };
const validB = encodeSetupParam(defaultPair().b);

/** Anything JSON can hold, including setup-shaped objects with wrong values. */
const jsonGarbage = fc.oneof(
  fc.jsonValue(),
  fc.record({ format: fc.constant('headroom/setup@1'), signal: fc.jsonValue(), source: fc.jsonValue(), headphones: fc.jsonValue() }),
);

describe('state properties', () => {
  it('encode → decode round-trips any valid pair through the URL', () => {
    fc.assert(
      fc.property(validPair, (pair) => {
        const query = encodeUrlState(pair);
        // These setups stay far below the link size bound, so every one must encode.
        expect(query.ok).toBe(true);
        if (!query.ok) return;
        expect(decodeUrlState(`?${query.value}`)).toEqual({ kind: 'ok', pair, from: 'setups' });
      }),
      RUNS,
    );
  });

  it('save → load and export → import round-trip any valid pair', () => {
    fc.assert(
      fc.property(validPair, (pair) => {
        expect(parseSavedState(serializeSavedState(pair))).toMatchObject({ kind: 'ok', pair });
        expect(importPairJson(exportPairJson(pair))).toEqual({ ok: true, value: pair });
      }),
      RUNS,
    );
  });

  it('random text in a, b or preset never throws and always yields a message naming the parameter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('a', 'b', 'preset'), (garbage, name) => {
        const params = new URLSearchParams();
        params.set(name, garbage);
        // The other setup is valid, so the message must come from the garbage.
        if (name === 'a') params.set('b', validB);
        if (name === 'b') params.set('a', validB);
        const state = decodeUrlState(params);
        expect(state.kind).toBe('invalid');
        const messages = state.kind === 'invalid' ? state.messages : [];
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.every((m) => m.startsWith(`URL parameter "${name}"`))).toBe(true);
      }),
      RUNS,
    );
  });

  it('well-encoded but invalid JSON in the URL yields messages and the fallback, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(jsonGarbage, jsonGarbage, async (a, b) => {
        const url = `?a=${encodeBase64Url(JSON.stringify(a) ?? 'null')}&b=${encodeBase64Url(JSON.stringify(b) ?? 'null')}`;
        const state = await initialState(url, null);
        expect(state.origin).toBe('default');
        expect(state.pair).toEqual(defaultPair());
        expect(state.messages.length).toBeGreaterThan(1);
      }),
      RUNS,
    );
  });

  it('random text or JSON in storage never throws and always yields a message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), jsonGarbage.map((v) => JSON.stringify(v) ?? ''), jsonGarbage.map((pair) => JSON.stringify({ format: 'headroom/saved-state@1', pair }))), async (text) => {
        const storage = new MemoryStorage();
        storage.setItem(STORAGE_KEY, text);
        const saved = loadSavedState(storage);
        expect(saved.kind).toBe('invalid');
        expect(saved.kind === 'invalid' && saved.messages.length > 0).toBe(true);
        const state = await initialState('https://headroom.example/', storage);
        expect(state.origin).toBe('default');
        expect(state.messages.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('random text as a pair file never throws and always yields a message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), jsonGarbage.map((v) => JSON.stringify(v) ?? '')), (text) => {
        const result = importPairJson(text);
        expect(result.ok).toBe(false);
        expect(result.ok ? [] : result.errors).not.toHaveLength(0);
      }),
      RUNS,
    );
  });
});
