/**
 * The listening choices' rules in Node: nothing the listener sets before or while the engine is
 * made is lost, a listener index never outlives its setup, and the page re-renders only for
 * what it shows.
 */
import { describe, expect, it } from 'vitest';
import { catchUp, clippingChange, listenersFor, shownOffset, transportShownChange, type ChoiceTarget, type ListeningChoices } from '../../src/audio/engine/listening-choices.ts';
import type { LoudnessReport, Side, TransportState } from '../../src/audio/engine/types.ts';
import type { Setup } from '../../src/model/setup.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

const withListeners = (count: number): Setup => setup({ headphones: Array.from({ length: count }, (_, i) => resistiveHeadphone(32 * (i + 1))) });

/** An engine that records what it is told, in order. */
class Recorder implements ChoiceTarget {
  readonly calls: string[] = [];
  constructor(public listeningLevelDb = -24) {}
  setPair(a: Setup, b: Setup | null): void {
    this.calls.push(`pair ${a.headphones.length}/${b?.headphones.length ?? '-'}`);
  }
  setSide(side: Side): void {
    this.calls.push(`side ${side}`);
  }
  setListener(side: Side, index: number): void {
    this.calls.push(`listener ${side} ${index}`);
  }
  setMatchLoudness(on: boolean): void {
    this.calls.push(`match ${on}`);
  }
  setListeningLevelDb(db: number): void {
    this.calls.push(`level ${db}`);
  }
  setCalibrationDbSpl(dbSpl: number): void {
    this.calls.push(`calibration ${dbSpl}`);
  }
}

const made = { pair: { a: withListeners(2), b: withListeners(3) }, calibrationDbSpl: 100 };
const choices = (overrides: Partial<ListeningChoices> = {}): ListeningChoices => ({
  pair: made.pair,
  side: 'A',
  listeners: { A: 0, B: 0 },
  matchLoudness: false,
  listeningLevelDb: -24,
  calibrationDbSpl: 100,
  ...overrides,
});

describe('an engine made while the listener kept setting things', () => {
  it('gets a setup edit made while its worklets loaded, the calibration first (it rebuilds the plans)', () => {
    const engine = new Recorder();
    const edited = { a: withListeners(4), b: made.pair.b };
    catchUp(engine, made, choices({ pair: edited, calibrationDbSpl: 94 }));
    expect(engine.calls.slice(0, 2)).toEqual(['calibration 94', 'pair 4/3']);
  });

  it('is not rebuilt for the setups it was made with, nor re-levelled at the level it has', () => {
    const engine = new Recorder(-24);
    catchUp(engine, made, choices());
    expect(engine.calls).toEqual(['listener A 0', 'listener B 0', 'side A', 'match false']);
  });

  it('gets the side, each side’s listener, the level and the loudness match set meanwhile', () => {
    const engine = new Recorder(-24);
    catchUp(engine, made, choices({ side: 'B', listeners: { A: 1, B: 2 }, matchLoudness: true, listeningLevelDb: -30 }));
    expect(engine.calls).toEqual(['level -30', 'listener A 1', 'listener B 2', 'side B', 'match true']);
  });

  it('with one chain alone, hears A and sets no listener of B', () => {
    const engine = new Recorder();
    const single = { pair: { a: withListeners(2), b: null }, calibrationDbSpl: 100 };
    catchUp(engine, single, choices({ pair: single.pair, side: 'B', listeners: { A: 1, B: 2 } }));
    expect(engine.calls).toEqual(['listener A 1', 'side A', 'match false']);
  });
});

describe('the listener chosen on each side', () => {
  it('becomes the last listener when the new pair has fewer, and stays when it still exists', () => {
    expect(listenersFor({ A: 3, B: 1 }, { a: withListeners(2), b: withListeners(2) })).toEqual({ A: 1, B: 1 });
  });

  it('of a side with no setup is left as it was', () => {
    expect(listenersFor({ A: 0, B: 5 }, { a: withListeners(1), b: null })).toEqual({ A: 0, B: 5 });
  });
});

describe('what the page re-renders for', () => {
  it('a clipping change gives the new row; the same clipping again gives null (no render)', () => {
    const shown = [false, true];
    expect(clippingChange(shown, [{ clipping: false }, { clipping: true }])).toBeNull();
    expect(clippingChange(shown, [{ clipping: true }, { clipping: true }])).toEqual([true, true]);
    expect(clippingChange(shown, [{ clipping: false }])).toEqual([false]);
  });

  it('the loudness offset is shown to 0.1 dB, and not at all while not matching or not yet measured', () => {
    const report = (offsetDb: number, matching = true): LoudnessReport => ({ aLufs: -20, bLufs: -20 - offsetDb, offsetDb, aGainDb: 0, bGainDb: 0, matching });
    expect(shownOffset(report(1.04))).toBe(shownOffset(report(0.96)));
    expect(shownOffset(report(1.04))).toBe('1.0');
    expect(shownOffset(report(-2.26))).toBe('-2.3');
    expect(shownOffset(report(3, false))).toBe('');
    expect(shownOffset(report(Number.NaN))).toBe('');
    expect(shownOffset(null)).toBe('');
  });

  it('a moving position alone is no transport change the page shows; playing, loop, length and input are', () => {
    const was: TransportState = { playing: true, loop: true, position: 1, duration: 30, input: 'material' };
    expect(transportShownChange(was, { ...was, position: 2 })).toBe(false);
    expect(transportShownChange(was, { ...was, playing: false })).toBe(true);
    expect(transportShownChange(was, { ...was, loop: false })).toBe(true);
    expect(transportShownChange(was, { ...was, duration: 12 })).toBe(true);
    expect(transportShownChange(was, { ...was, input: 'microphone' })).toBe(true);
  });
});
