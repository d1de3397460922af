/**
 * The engine's pure parts in Node: argument checks (exact messages), meter translation,
 * the loudness window and match gains, the click-free parameter ramp's schedule, and the
 * microphone error sentences.
 */
import { describe, expect, it } from 'vitest';
import { CLIP_HOLD_SECONDS, MeterReader } from '../../src/audio/engine/meter-reading.ts';
import { microphoneErrorMessage } from '../../src/audio/engine/microphone.ts';
import { ParamRamp } from '../../src/audio/engine/param-ramp.ts';
import { checkListenerIndex, checkMaterial, checkNumberInRange, LISTENING_LEVEL_DB_RANGE } from '../../src/audio/engine/ranges.ts';
import { LoudnessWindow, matchGainsDb } from '../../src/audio/loudness/loudness-window.ts';
import { powerOfLoudness } from '../../src/audio/loudness/bs1770.ts';

describe('argument checks', () => {
  it('names the listener index, the side and the allowed range, and shows the value', () => {
    expect(() => checkListenerIndex('A', 3, 2)).toThrow(new RangeError('listener index for side A must be an integer from 0 to 1 (got 3)'));
    expect(() => checkListenerIndex('B', 1.5, 4)).toThrow(new RangeError('listener index for side B must be an integer from 0 to 3 (got 1.5)'));
    expect(() => checkListenerIndex('B', '1', 4)).toThrow(new RangeError('listener index for side B must be an integer from 0 to 3 (got "1")'));
    expect(checkListenerIndex('A', 1, 2)).toBe(1);
  });

  it('refuses a listening level above 0 dB or below −80 dB instead of clamping it', () => {
    expect(() => checkNumberInRange('listeningLevelDb', 0.5, LISTENING_LEVEL_DB_RANGE, 'dB')).toThrow(new RangeError('listeningLevelDb must be from -80 to 0 dB (got 0.5)'));
    expect(() => checkNumberInRange('listeningLevelDb', -81, LISTENING_LEVEL_DB_RANGE, 'dB')).toThrow(new RangeError('listeningLevelDb must be from -80 to 0 dB (got -81)'));
    expect(checkNumberInRange('listeningLevelDb', -80, LISTENING_LEVEL_DB_RANGE, 'dB')).toBe(-80);
  });

  it('accepts mono or stereo material of equal lengths and names what is wrong otherwise', () => {
    const ok = { channels: [new Float32Array(4)], sampleRate: 44_100, name: 'x' };
    expect(() => checkMaterial(ok)).not.toThrow();
    expect(() => checkMaterial({ ...ok, channels: [new Float32Array(4), new Float32Array(4), new Float32Array(4)] })).toThrow('material.channels must be 1 or 2 Float32Arrays (got 3 entries)');
    expect(() => checkMaterial({ ...ok, channels: [new Float32Array(4), new Float32Array(3)] })).toThrow('material.channels must have equal lengths (got 4 and 3)');
    expect(() => checkMaterial({ ...ok, sampleRate: 1000 })).toThrow('material.sampleRate must be from 3000 to 768000 Hz (got 1000)');
    expect(() => checkMaterial({ ...ok, channels: [new Float32Array(0)] })).toThrow('material.channels must hold at least 1 sample (got 0)');
  });
});

describe('meter readings', () => {
  const meters = (peak: number, rms: number, clips = 0, sourceClips = 0, ampClips = 0) => ({
    type: 'meters' as const,
    sourceClips,
    ampClips,
    listeners: [{ peak: [peak, peak / 2], rms: [rms, rms / 2], clips }, { peak: [0, 0], rms: [0, 0], clips: 0 }],
  });

  it('reads a full-scale sine (RMS 1/√2) as 0 dBFS RMS, and its SPL as the calibration', () => {
    const reader = new MeterReader('A', () => 120);
    const [first] = reader.read(meters(1, Math.SQRT1_2), 0, 0);
    expect(first!.peakDbfs).toBeCloseTo(0, 12);
    expect(first!.rmsDbfs).toBeCloseTo(0, 12);
    expect(first!.splDb).toBeCloseTo(120, 12);
    expect(first!.heard).toBe(true);
  });

  it('adds the source’s and amp’s clips to every listener’s own, keeps totals, and holds the clip flag for 0.5 s', () => {
    const reader = new MeterReader('B', () => 100);
    const first = reader.read(meters(0.5, 0.2, 1, 3, 2), 0, -1);
    expect(first.map((m) => m.clipCount)).toEqual([6, 5]);
    expect(first.every((m) => m.clipping && !m.heard && m.side === 'B')).toBe(true);
    const later = reader.read(meters(0.5, 0.2), CLIP_HOLD_SECONDS + 0.01, -1);
    expect(later.map((m) => m.clipCount)).toEqual([6, 5]);
    expect(later.some((m) => m.clipping)).toBe(false);
  });

  it('reads silence as the floor (−150 dBFS), never −Infinity', () => {
    const [silent] = new MeterReader('A', () => 120).read(meters(0, 0), 0, 0);
    expect(silent!.rmsDbfs).toBe(-150);
    expect(Number.isFinite(silent!.splDb)).toBe(true);
  });
});

describe('loudness window and match', () => {
  it('turns only the louder side down, by the difference, and never raises the quieter one', () => {
    expect(matchGainsDb(-20, -25)).toEqual({ offsetDb: 5, aGainDb: -5, bGainDb: 0 });
    expect(matchGainsDb(-30, -24)).toEqual({ offsetDb: -6, aGainDb: 0, bGainDb: -6 });
    expect(matchGainsDb(-Infinity, -24)).toBeNull();
  });

  it('gates over its sliding window: silence in the window does not lower the loudness', () => {
    const window = new LoudnessWindow(10);
    for (let k = 0; k < 5; k++) window.push(powerOfLoudness(-23));
    for (let k = 0; k < 3; k++) window.push(0);
    expect(window.loudness()).toBeCloseTo(-23, 10);
    // After ten more blocks at −30 only those remain.
    for (let k = 0; k < 10; k++) window.push(powerOfLoudness(-30));
    expect(window.loudness()).toBeCloseTo(-30, 10);
  });
});

describe('parameter ramps', () => {
  class RecordingParam {
    value = 0;
    events: [string, number, number][] = [];
    cancelScheduledValues(t: number) { this.events.push(['cancel', 0, t]); return this; }
    setValueAtTime(v: number, t: number) { this.events.push(['set', v, t]); return this; }
    linearRampToValueAtTime(v: number, t: number) { this.events.push(['linear', v, t]); return this; }
    exponentialRampToValueAtTime(v: number, t: number) { this.events.push(['exponential', v, t]); return this; }
  }

  it('starts every ramp from the value scheduled at that moment, also in the middle of an earlier ramp', () => {
    const param = new RecordingParam();
    const ramp = new ParamRamp(param as never, 1);
    ramp.to(0, 1, 0.01);
    ramp.to(1, 1.005, 0.01); // halfway down: starts at 0.5
    const rounded = param.events.map(([kind, v, t]) => [kind, Math.round(v * 1e9) / 1e9, Math.round(t * 1e9) / 1e9]);
    expect(rounded).toEqual([
      ['cancel', 0, 1], ['set', 1, 1], ['linear', 0, 1.01],
      ['cancel', 0, 1.005], ['set', 0.5, 1.005], ['linear', 1, 1.015],
    ]);
  });

  it('ramps levels geometrically (equal dB steps) when asked', () => {
    const param = new RecordingParam();
    const ramp = new ParamRamp(param as never, 0.01, true);
    ramp.to(1, 0, 0.05);
    expect(ramp.valueAt(0.025)).toBeCloseTo(0.1, 12); // −40 → 0 dB: −20 dB halfway
    expect(param.events.at(-1)).toEqual(['exponential', 1, 0.05]);
  });
});

describe('microphone errors', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });
  it('says what to do for a denied permission, a missing device and a busy device', () => {
    expect(microphoneErrorMessage(named('NotAllowedError'))).toMatch(/^Microphone access was denied \(x\): allow the microphone/);
    expect(microphoneErrorMessage(named('NotFoundError'))).toMatch(/^No microphone or line input was found/);
    expect(microphoneErrorMessage(named('NotReadableError'))).toMatch(/another application may be using it/);
  });
});
