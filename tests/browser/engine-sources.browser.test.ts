/**
 * Sources, transport, live setup changes and export, in real Chromium with the real worklets.
 */
import { describe, expect, it } from 'vitest';
import { encodeWav, ListeningEngine, renderStretch } from '../../src/audio/engine/index.ts';
import { buildReport } from '../../src/model/report.ts';
import { DEFAULT_CALIBRATION_DB_SPL } from '../../src/model/compile.ts';
import { setup } from '../support/setups.ts';
import { hundredOhmSource, offlineEngine, rmsDb, seconds, sineMaterial, testWorkletUrl, RATE } from './engine-harness.ts';

describe('decodeFile', () => {
  it('rejects an undecodable file with "Cannot decode \\"name\\": …" and keeps the current material and position', async () => {
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    const current = sineMaterial(440, -6, 2);
    engine.setMaterial(current);
    engine.seek(1.25);
    const junk = new TextEncoder().encode('this is not audio at all').buffer as ArrayBuffer;
    await expect(engine.decodeFile(junk, 'notes.txt')).rejects.toThrow(/^Cannot decode "notes\.txt": .+/);
    await expect(engine.decodeFile(new ArrayBuffer(0), 'empty.wav')).rejects.toThrow('Cannot decode "empty.wav": the file is empty');
    expect(engine.material).toBe(current);
    expect(engine.position).toBe(1.25);
    expect(engine.duration).toBe(2);
    await engine.dispose();
  });

  it('decodes a float WAV to the same samples (the caller’s bytes stay usable)', async () => {
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    const tone = sineMaterial(1000, -3, 0.25);
    const bytes = encodeWav([tone.channels[0]!, tone.channels[0]!], RATE);
    const decoded = await engine.decodeFile(bytes, 'tone.wav');
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(decoded.name).toBe('tone.wav');
    expect(decoded.sampleRate).toBe(RATE);
    expect(decoded.channels).toHaveLength(2);
    let worst = 0;
    for (let i = 0; i < tone.channels[0]!.length; i++) worst = Math.max(worst, Math.abs(decoded.channels[1]![i]! - tone.channels[0]![i]!));
    expect(worst).toBe(0);
    await engine.dispose();
  });
});

describe('transport', () => {
  it('reports duration, seeks while paused, and refuses a seek outside 0…duration naming the field', async () => {
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    engine.setMaterial(sineMaterial(440, -6, 3));
    expect(engine.duration).toBe(3);
    expect(engine.playing).toBe(false);
    engine.seek(2);
    expect(engine.position).toBe(2);
    expect(() => engine.seek(4)).toThrow(new RangeError('seek seconds must be from 0 to 3 s (got 4)'));
    engine.loop = false;
    expect(engine.transportState).toEqual({ playing: false, loop: false, position: 2, duration: 3, input: 'material' });
    await engine.dispose();
  });

  it('plays from the seek position: a material silent for 0.5 s then loud, sought to 0.5 s, is loud from the start', async () => {
    const x = new Float32Array(RATE);
    for (let i = RATE / 2; i < RATE; i++) x[i] = 0.5 * Math.sin((2 * Math.PI * 1000 * i) / RATE);
    const { engine, render } = await offlineEngine(0.3, { a: setup(), b: setup(), listeningLevelDb: 0 });
    engine.setMaterial({ channels: [x], sampleRate: RATE, name: 'gap' });
    engine.seek(0.5);
    engine.play(0);
    const [left] = await render();
    expect(rmsDb(left!, seconds(0.1), seconds(0.2))).toBeGreaterThan(-40);
    await engine.dispose();
  });

  it('resamples material at another rate (44.1 kHz in a 48 kHz context) to the same pitch', async () => {
    const { engine, render } = await offlineEngine(0.5, { a: setup(), b: setup(), listeningLevelDb: 0 });
    engine.setMaterial(sineMaterial(1000, -6, 0.5, 44_100));
    engine.play(0);
    const [left] = await render();
    // Count zero crossings over 0.2 s: 1 kHz gives 400.
    let crossings = 0;
    for (let i = seconds(0.2) + 1; i < seconds(0.4); i++) if (left![i - 1]! < 0 !== left![i]! < 0) crossings++;
    expect(Math.abs(crossings - 400)).toBeLessThanOrEqual(1);
    await engine.dispose();
  });
});

describe('live setup changes', () => {
  it('setPair to fewer listeners moves the heard listener to the last one left and says so', async () => {
    const moved: [string, number][] = [];
    const { engine } = await offlineEngine(0.1, { a: hundredOhmSource(3), b: hundredOhmSource(1), onListener: (side, index) => moved.push([side, index]) });
    engine.setListener('A', 2);
    engine.setPair(hundredOhmSource(2), hundredOhmSource(1));
    expect(engine.listener('A')).toBe(1);
    expect(moved).toEqual([['A', 1]]);
    expect(() => engine.setListener('A', 2)).toThrow(new RangeError('listener index for side A must be an integer from 0 to 1 (got 2)'));
    await engine.dispose();
  });

  it('setPair to more listeners attaches the new outputs: listener 2 of the new pair is heard at the model’s level (±0.05 dB)', async () => {
    const two = hundredOhmSource(2);
    const { engine, render, errors } = await offlineEngine(0.5, { a: hundredOhmSource(1), b: hundredOhmSource(1), listeningLevelDb: 0 });
    engine.setPair(two, two);
    engine.setListener('A', 1);
    engine.setMaterial(sineMaterial(1000, two.signal.levelDbfs, 0.5));
    engine.play(0);
    const [left] = await render();
    expect(errors).toEqual([]);
    const levelDb = rmsDb(left!, seconds(0.3), seconds(0.3) + 9600) + 3.0103;
    expect(Math.abs(levelDb - (buildReport(two).headphones[1]!.splDb - DEFAULT_CALIBRATION_DB_SPL))).toBeLessThanOrEqual(0.05);
    await engine.dispose();
  });

  it('refuses every call after dispose', async () => {
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    await engine.dispose();
    expect(() => engine.setSide('B')).toThrow('the listening engine is disposed');
  });
});

describe('microphone', () => {
  it('rejects with a sentence the app can show when no microphone can be opened, keeping the material', async () => {
    // Headless Chromium here has no capture device and no permission prompt: getUserMedia
    // fails (NotFoundError or NotAllowedError). An offline context cannot take a live input at all.
    const { engine } = await offlineEngine(0.1, { a: setup(), b: setup() });
    const material = sineMaterial(440, -6, 1);
    engine.setMaterial(material);
    await expect(engine.useMicrophone()).rejects.toThrow(/^The microphone needs a live AudioContext/);
    expect(engine.material).toBe(material);
    await engine.dispose();
  });
});

describe('microphone on a live AudioContext', () => {
  it('rejects getUserMedia’s failure (no device or no permission in headless Chromium) with a sentence that says what to do', async () => {
    const engine = await ListeningEngine.create({ a: setup(), b: setup(), workletUrl: await testWorkletUrl() });
    const material = sineMaterial(440, -6, 1);
    engine.setMaterial(material);
    const failure = await engine.useMicrophone().then(
      () => null,
      (error: unknown) => error as Error,
    );
    // A machine with a microphone and a granted permission would succeed: then the feedback warning is the result.
    if (failure) {
      console.info(`microphone: ${failure.message}`);
      expect(failure.message).toMatch(/^(Microphone access was denied|No microphone or line input was found|The microphone could not be (opened|started))/);
      expect(engine.material).toBe(material);
      expect(engine.transportState.input).toBe('material');
    } else {
      expect(engine.transportState.input).toBe('microphone');
    }
    await engine.dispose();
    expect(engine.context.state).toBe('closed');
  });
});

describe('renderStretch (export)', () => {
  it('renders a stretch through the real worklets, aligned and at the model’s level (±0.05 dB), per listener, as float WAV', async () => {
    const two = hundredOhmSource(2);
    const material = sineMaterial(1000, two.signal.levelDbfs, 1);
    const listeners = await renderStretch(two, material, 0.25, 0.75, { workletUrl: await testWorkletUrl() });
    const report = buildReport(two);
    expect(listeners.map((l) => l.name)).toEqual(two.headphones.map((h) => h.name));
    listeners.forEach((listener, i) => {
      expect(listener.channels).toHaveLength(2);
      expect(listener.channels[0]!.length).toBe(seconds(0.5));
      // dB re a full-scale sine: 0 dBFS at the output stands for the calibration (120 dB SPL).
      const levelDb = rmsDb(listener.channels[0]!, seconds(0.1), seconds(0.1) + 9600) + 3.0103;
      expect(Math.abs(levelDb - (report.headphones[i]!.splDb - DEFAULT_CALIBRATION_DB_SPL))).toBeLessThanOrEqual(0.05);
    });
    // Aligned: a resistive chain is a pure gain, so output[i] = g · input[start + i] with no lag.
    const x = material.channels[0]!.subarray(seconds(0.25));
    const y = listeners[0]!.channels[0]!;
    const k = 12; // a quarter period of 1 kHz in: the sine's crest
    const g = y[k]! / x[k]!;
    let worst = 0;
    for (let i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i]! - g * x[i]!));
    console.info(`export alignment: worst |y − g·x| = ${(worst / g).toExponential(2)} of full scale, g = ${g.toFixed(5)}`);
    expect(worst / g).toBeLessThan(1e-4);
    const wav = new DataView(listeners[0]!.wav());
    expect(String.fromCharCode(wav.getUint8(0), wav.getUint8(1), wav.getUint8(2), wav.getUint8(3))).toBe('RIFF');
    expect(wav.getUint16(20, true)).toBe(3); // WAVE_FORMAT_IEEE_FLOAT
    expect(wav.getUint16(34, true)).toBe(32);
  });

  it('refuses a stretch outside the material, naming the field and the range', async () => {
    const material = sineMaterial(1000, 0, 1);
    await expect(renderStretch(setup(), material, -0.1, 0.5)).rejects.toThrow(new RangeError('startSeconds must be from 0 to 1 s (got -0.1)'));
    await expect(renderStretch(setup(), material, 0.5, 1.5)).rejects.toThrow(new RangeError('endSeconds must be from 0.5 to 1 s (got 1.5)'));
  });
});

