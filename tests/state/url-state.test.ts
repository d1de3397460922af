import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/model/catalog/presets.ts';
import { defaultPair } from '../../src/state/setup-pair.ts';
import { decodeUrlState, encodeSetupParam, encodeUrlState, endsEarly, MAX_URL_PARAM_CHARS, urlWithPair } from '../../src/state/url-state.ts';
import { encodeBase64Url } from '../../src/state/base64url.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

const BASE = 'https://headroom.example/app/';

function messagesOf(state: ReturnType<typeof decodeUrlState>): string[] {
  return state.kind === 'invalid' ? state.messages : [];
}

describe('the pair in the URL', () => {
  it('round-trips the default pair through ?a=…&b=…', () => {
    const pair = defaultPair();
    const url = urlWithPair(BASE, pair);
    expect(url.ok).toBe(true);
    if (!url.ok) return;
    expect(url.value.searchParams.has('a') && url.value.searchParams.has('b')).toBe(true);
    expect(decodeUrlState(url.value)).toEqual({ kind: 'ok', pair, from: 'setups' });
  });

  it('keeps a setup compact: the default setup B fits in under 1 kB of URL', () => {
    const encoded = encodeUrlState(defaultPair());
    expect(encoded.ok).toBe(true);
    // base64url of ~450 bytes of JSON each; no percent-encoding is needed.
    expect(encoded.ok ? encoded.value.length : Infinity).toBeLessThan(1400);
    expect(encoded.ok ? encoded.value : '').not.toMatch(/%/);
  });

  it('accepts a full URL, a URL object, search params, and a bare query string', () => {
    const pair = defaultPair();
    const query = encodeUrlState(pair);
    if (!query.ok) throw new Error('encode failed');
    for (const input of [`${BASE}?${query.value}`, new URL(`${BASE}?${query.value}`), new URLSearchParams(query.value), `?${query.value}`, query.value]) {
      expect(decodeUrlState(input)).toEqual({ kind: 'ok', pair, from: 'setups' });
    }
  });

  it('replaces ?preset= and keeps other parameters and the hash', () => {
    const url = urlWithPair(`${BASE}?preset=phone-hd600&lang=en#plots`, defaultPair());
    expect(url.ok).toBe(true);
    if (!url.ok) return;
    expect(url.value.searchParams.has('preset')).toBe(false);
    expect(url.value.searchParams.get('lang')).toBe('en');
    expect(url.value.hash).toBe('#plots');
  });

  it('loads ?preset=<id> as the preset and its pair', () => {
    expect(decodeUrlState(`${BASE}?preset=nexus-5x-dt880-600`)).toEqual({
      kind: 'ok',
      from: 'preset',
      pair: { a: findPreset('nexus-5x-dt880-600')!.setup, b: findPreset('nexus-5x-amp-dt880-600')!.setup },
    });
  });

  it('reports nothing when the URL carries no state', () => {
    expect(decodeUrlState(`${BASE}?lang=en`)).toEqual({ kind: 'none' });
  });

  it('names the URL parameter and the field of an invalid setup', () => {
    const bad = setup({ headphones: [{ ...resistiveHeadphone(32), impedance: { nominalOhms: -3 } }] });
    const state = decodeUrlState(`${BASE}?a=${encodeSetupParam(setup())}&b=${encodeBase64Url(JSON.stringify(bad))}`);
    expect(messagesOf(state)).toEqual(['URL parameter "b": headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got -3)']);
  });

  it('reports each bad parameter: not base64url, not JSON, missing, repeated, unknown preset', () => {
    expect(messagesOf(decodeUrlState(`${BASE}?a=%%%&b=${encodeSetupParam(setup())}`))).toEqual([
      'URL parameter "a" is not base64url text (it contains "%"; only A-Z, a-z, 0-9, "-" and "_" are used)',
    ]);
    expect(messagesOf(decodeUrlState(`${BASE}?a=${encodeBase64Url('{"format": 1 2}')}&b=${encodeSetupParam(setup())}`))[0]).toMatch(
      /^URL parameter "a" is not valid JSON: /,
    );
    expect(messagesOf(decodeUrlState(`${BASE}?a=${encodeSetupParam(setup())}`))).toEqual([
      'URL parameter "b" is missing (a link needs both "a" and "b")',
    ]);
    const one = encodeSetupParam(setup());
    expect(messagesOf(decodeUrlState(`${BASE}?a=${one}&a=${one}&b=${one}`))).toEqual(['URL parameter "a" appears 2 times (give it once)']);
    expect(messagesOf(decodeUrlState(`${BASE}?preset=nope`))[0]).toMatch(/^URL parameter "preset": no preset "nope" \(known: /);
    expect(messagesOf(decodeUrlState(`${BASE}?a=&b=${one}`))).toEqual(['URL parameter "a" is empty']);
  });

  it('a link cut off anywhere inside a setup says, in plain words, that it was cut short', () => {
    const whole = encodeSetupParam(setup());
    const b = encodeSetupParam(setup());
    for (let length = 1; length < whole.length; length++) {
      const state = decodeUrlState(`${BASE}?a=${whole.slice(0, length)}&b=${b}`);
      expect(messagesOf(state), `cut at ${length} of ${whole.length}`).toEqual(['URL parameter "a" was cut short (its setup ends before it is complete)']);
      expect(state.kind === 'invalid' && state.cutShort).toBe(true);
    }
  });

  it('JSON that is whole but wrong is not called cut short', () => {
    for (const text of ['{"a": 1 2}', '{"a": 1}}', 'nonsense', '{"a": "x"}x']) {
      expect(endsEarly(text), text).toBe(false);
    }
    for (const text of ['{', '{"a": "}', '{"a": [1, 2', '{"a": "\\"']) expect(endsEarly(text), text).toBe(true);
  });

  it('refuses a parameter longer than the bound without decoding it', () => {
    const long = 'A'.repeat(MAX_URL_PARAM_CHARS + 1);
    expect(messagesOf(decodeUrlState(`${BASE}?a=${long}&b=${encodeSetupParam(setup())}`))).toEqual([
      `URL parameter "a" is too long (${MAX_URL_PARAM_CHARS + 1} characters; at most ${MAX_URL_PARAM_CHARS})`,
    ]);
  });

  it('will not make a link for a setup too large to share, and says to export a file', () => {
    const points = Array.from({ length: 2000 }, (_, i) => [10 + i * 10.123456789, 300.123456789 + i, 1.23456789] as [number, number, number]);
    const huge = setup({ headphones: [{ ...resistiveHeadphone(32), impedance: { curve: points } }] });
    const encoded = encodeUrlState({ a: huge, b: setup() });
    expect(encoded.ok).toBe(false);
    expect(encoded.ok ? '' : encoded.errors[0]).toMatch(/^setup A is too large for a link \(\d+ characters encoded; at most 32768\); export the pair as a file instead$/);
  });

  it('keeps non-ASCII names intact', () => {
    const named = setup({ headphones: [resistiveHeadphone(32, 'Zoë’s 耳机 🎧')] });
    const state = decodeUrlState(`?a=${encodeSetupParam(named)}&b=${encodeSetupParam(named)}`);
    expect(state.kind === 'ok' && state.pair.a.headphones[0]!.name).toBe('Zoë’s 耳机 🎧');
  });
});
