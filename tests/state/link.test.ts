/**
 * Share links (src/state/link.ts, compact-pair.ts): the shortest address that reproduces a
 * state exactly, and its QR code's size. QR versions are uqr's, at error correction L, as the
 * classroom draws them (src/state/qr-code.ts).
 */
import fc from 'fast-check';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { decodeCompactPair, encodeCompactPair, samePair } from '../../src/state/compact-pair.ts';
import { decodeLink, shareQuery, shareUrl } from '../../src/state/link.ts';
import { defaultPair, pairFromPreset } from '../../src/state/setup-pair.ts';
import { UndoStack } from '../../src/state/undo.ts';
import { encodeSetupParam } from '../../src/state/url-state.ts';
import { eightAndEightCatalogPair, setup } from '../support/setups.ts';
import { validPair } from './arbitraries.ts';

// A classroom address: a LAN IP with a port, as `npm start -- --host` prints it.
const BASE = 'http://192.168.100.200:5173/';
const qrVersion = (text: string): number => encode(text, { ecc: 'L', border: 0 }).version;


describe('share links', () => {
  it('a lesson step whose own setups are playing is ?lesson=…&step=… alone, a QR code of version 10 or lower', async () => {
    const pair = defaultPair();
    const url = await shareUrl(BASE, { pair, lesson: { id: 'amp-vs-interface', step: 5, pair } });
    expect(url.href).toBe(`${BASE}?lesson=amp-vs-interface&step=5`);
    expect(qrVersion(url.href)).toBeLessThanOrEqual(10);
  });

  it('a preset pair is ?preset=…, with the lesson step when one is shown, version 10 or lower', async () => {
    const pair = pairFromPreset('laptop-splitter-two-m50x');
    expect(pair.ok).toBe(true);
    if (!pair.ok) return;
    const url = await shareUrl(BASE, { pair: pair.value, lesson: { id: 'splitters', step: 4, pair: null } });
    expect(url.href).toBe(`${BASE}?lesson=splitters&step=4&preset=laptop-splitter-two-m50x`);
    expect(qrVersion(url.href)).toBeLessThanOrEqual(10);
  });

  it('two setups of eight catalog listeners encode to a QR code of version 15 or lower, lesson included, and open as the same setups', async () => {
    const pair = eightAndEightCatalogPair();
    const url = await shareUrl(BASE, { pair, lesson: { id: 'amp-vs-interface', step: 5, pair: defaultPair() } });
    expect(url.searchParams.has('p')).toBe(true);
    expect(qrVersion(url.href), `${url.href.length} characters`).toBeLessThanOrEqual(15);
    const link = await decodeLink(url);
    expect(link.setups).toEqual({ kind: 'ok', pair, from: 'setups' });
    expect(link.lesson).toEqual({ id: 'amp-vs-interface', step: 5 });
  });

  it('any valid pair survives the compact form exactly', async () => {
    await fc.assert(
      fc.asyncProperty(validPair, async (pair) => {
        const decoded = await decodeCompactPair(await encodeCompactPair(pair));
        expect(decoded.ok).toBe(true);
        expect(decoded.ok && samePair(decoded.value, pair)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('old ?a=&b= links still open, and win over p and preset', async () => {
    const pair = { a: setup(), b: setup({ signal: { levelDbfs: -20 } }) };
    const link = await decodeLink(`${BASE}?a=${encodeSetupParam(pair.a)}&b=${encodeSetupParam(pair.b)}&p=1xyz&preset=phone-hd600`);
    expect(link.setups).toEqual({ kind: 'ok', pair, from: 'setups' });
  });

  it('a broken compact link or lesson parameter says which parameter and what it allows', async () => {
    expect((await decodeLink(`${BASE}?p=2abc`)).setups).toEqual({ kind: 'invalid', messages: ['URL parameter "p" starts with "2", not "1" (a link from a newer Headroom?)'], cutShort: false });
    expect((await decodeLink(`${BASE}?p=1a*b`)).setups).toMatchObject({ kind: 'invalid', messages: [expect.stringMatching(/^URL parameter "p" is not base64url text \(it contains "\*"/)] });
    expect((await decodeLink(`${BASE}?lesson=splitters&step=0`)).lessonMessages).toEqual(['URL parameter "step" must be a whole number from 1 to 99 (got "0")']);
    expect((await decodeLink(`${BASE}?lesson=Bad%20Id`)).lessonMessages).toEqual(['URL parameter "lesson" must be a lesson id such as "splitters" (got "Bad Id")']);
    expect((await decodeLink(`${BASE}?step=3`)).lessonMessages).toEqual(['URL parameter "step" needs a "lesson" parameter']);
  });

  it('a compact link cut off when copied says it was cut short, at any length', async () => {
    const query = await shareQuery({ pair: { a: setup(), b: setup({ signal: { levelDbfs: -20 } }) }, lesson: null });
    for (const drop of [1, 5, 12, Math.floor(query.length / 2)]) {
      expect((await decodeLink(`${BASE}?${query.slice(0, -drop)}`)).setups).toEqual({
        kind: 'invalid',
        messages: ['URL parameter "p" was cut short (its setups end before they are complete)'],
        cutShort: true,
      });
    }
  });

  it('a compact pair naming a part the catalog does not have names the field', async () => {
    const bytes = await new Response(
      new Blob([JSON.stringify({ a: { ...setup(), headphones: ['no-such-phone'] }, b: setup() })]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer();
    const value = `1${Buffer.from(bytes).toString('base64url')}`;
    expect(await decodeCompactPair(value)).toEqual({ ok: false, errors: ['URL parameter "p": a.headphones[0] names no catalog headphone "no-such-phone"'] });
  });
});

describe('undo', () => {
  it('gives back the pairs it was handed, newest first, as copies, and forgets the oldest past its limit', () => {
    const undo = new UndoStack(2);
    const [one, two, three] = [defaultPair(), { a: setup(), b: setup() }, { a: setup({ signal: { levelDbfs: -3 } }), b: setup() }];
    undo.push('first', one);
    undo.push('second', two);
    undo.push('third', three);
    expect(undo.size).toBe(2);
    expect(undo.last?.label).toBe('third');
    const popped = undo.pop()!;
    expect(popped.pair).toEqual(three);
    expect(popped.pair).not.toBe(three);
    expect(undo.pop()?.label).toBe('second');
    expect(undo.pop()).toBeNull();
  });
});
