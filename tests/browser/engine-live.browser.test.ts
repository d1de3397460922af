/**
 * The engine on a live AudioContext in headless Chromium, started from a real click (the
 * browsers' autoplay policy): it runs, and its analyser taps the heard signal before the
 * listening level and the limiter, so a scope shows the simulated waveform, clipping and
 * all, while the speakers get at most −1 dBFS.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ListeningEngine } from '../../src/audio/engine/index.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';
import { sineMaterial, testWorkletUrl } from './engine-harness.ts';

let engine: ListeningEngine | null = null;

afterEach(async () => {
  await engine?.dispose();
  engine = null;
  document.body.replaceChildren();
});

/** Calls `engine.start()` from a trusted click, as the app's play button does. */
async function startFromClick(target: ListeningEngine): Promise<void> {
  const button = document.createElement('button');
  button.textContent = 'Start';
  let started: Promise<void> = Promise.resolve();
  button.addEventListener('click', () => (started = target.start()));
  document.body.append(button);
  await userEvent.click(button);
  await started;
}

const peakOf = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('the engine on a live AudioContext', () => {
  it('starts from a click, plays, and shows the simulated signal (+72 dBFS here) in the analyser, before the limiter', async () => {
    const loud = setup({ source: source({ maxOutputVrms: 4 }), headphones: [resistiveHeadphone(32, 'sensitive', 120)] });
    engine = await ListeningEngine.create({ a: loud, b: loud, calibrationDbSpl: 60, workletUrl: await testWorkletUrl() });
    await startFromClick(engine);
    expect(engine.context.state).toBe('running');
    engine.setMaterial(sineMaterial(997, 0, 2, engine.context.sampleRate));
    engine.play();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(engine.playing).toBe(true);
    expect(engine.position).toBeGreaterThan(0.1);
    const scope = new Float32Array(engine.analyser.fftSize);
    engine.analyser.getFloatTimeDomainData(scope);
    // 132 dB SPL at a calibration of 60 dB SPL: a sine of peak 10^(72/20) ≈ 3981.
    console.info(`live: analyser peak ${peakOf(scope).toFixed(1)}, limiter reduction ${engine.limiterReductionDb.toFixed(1)} dB`);
    expect(Math.abs(20 * Math.log10(peakOf(scope)) - 72)).toBeLessThan(0.1);
    expect(engine.limiterReductionDb).toBeGreaterThan(40);
  });
});
