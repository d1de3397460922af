/**
 * <headroom-scope>, <headroom-spectrum> and their AnimationFrameController in real Chromium,
 * fed by a real AnalyserNode listening to an OscillatorNode (through a WaveShaper that clips
 * it, for the distortion tests). Nothing is sent to the speakers: the analyser is the end
 * of the graph.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../src/ui/views/headroom-scope.ts';
import '../../src/ui/views/headroom-spectrum.ts';
import type { HeadroomScope } from '../../src/ui/views/headroom-scope.ts';
import type { HeadroomSpectrum } from '../../src/ui/views/headroom-spectrum.ts';
import { frames, mount, themedStage } from './views-support.ts';

let context: AudioContext;

/** A running AudioContext: resumed from a real click, as a page must. */
async function runningContext(): Promise<AudioContext> {
  const ctx = new AudioContext();
  const running = () => ctx.state === 'running';
  if (!running()) {
    const button = document.createElement('button');
    button.textContent = 'Start audio';
    button.addEventListener('click', () => void ctx.resume());
    document.body.append(button);
    await userEvent.click(button);
    button.remove();
    for (let i = 0; i < 100 && !running(); i++) await new Promise((r) => setTimeout(r, 20));
  }
  expect(ctx.state).toBe('running');
  return ctx;
}

interface Chain {
  analyser: AnalyserNode;
  stop(): void;
}

/** Oscillator (amplitude `gain`) → optional hard clip at ±`clipAt` → AnalyserNode. */
function sine(hz: number, options: { gain?: number; clipAt?: number; fftSize?: number } = {}): Chain {
  const oscillator = new OscillatorNode(context, { frequency: hz });
  const level = new GainNode(context, { gain: options.gain ?? 0.9 });
  const analyser = new AnalyserNode(context, { fftSize: options.fftSize ?? 8192, smoothingTimeConstant: 0 });
  oscillator.connect(level);
  let last: AudioNode = level;
  if (options.clipAt !== undefined) {
    const clipAt = options.clipAt;
    const curve = new Float32Array(4097);
    for (let i = 0; i < curve.length; i++) {
      const x = (i / (curve.length - 1)) * 2 - 1;
      curve[i] = Math.max(-clipAt, Math.min(clipAt, x));
    }
    const shaper = new WaveShaperNode(context, { curve, oversample: '4x' });
    last.connect(shaper);
    last = shaper;
  }
  last.connect(analyser);
  oscillator.start();
  return {
    analyser,
    stop: () => {
      oscillator.stop();
      oscillator.disconnect();
    },
  };
}

/** Waits until the analyser has a full buffer of signal and the view has drawn a few frames. */
async function settle(ms = 400): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  await frames(3);
}

function pixels(canvas: HTMLCanvasElement): Uint8ClampedArray {
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
}

function differingPixels(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) count++;
  return count;
}

beforeAll(async () => {
  context = await runningContext();
});

afterAll(async () => {
  await context.close();
});

beforeEach(async () => {
  // A desktop-sized page unless a test says otherwise (Vitest's default is a 414 px phone).
  await page.viewport(1000, 800);
});

afterEach(async () => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
  await page.viewport(1000, 800);
});

describe('<headroom-scope>', () => {
  it('draws a 1 kHz sine from a real AnalyserNode, triggered on the rising zero crossing so it stands still', async () => {
    const chain = sine(1000, { fftSize: 2048 });
    const scope = await mount(document.createElement('headroom-scope'));
    scope.label = '1 kHz sine';
    await scope.updateComplete;
    await frames(2);
    const canvas = scope.shadowRoot!.querySelector('canvas')!;
    expect(canvas.width).toBe(Math.round(canvas.clientWidth * devicePixelRatio));
    const idle = pixels(canvas);

    scope.analyser = chain.analyser;
    scope.running = true;
    await settle();
    expect(scope.frames.active).toBe(true);
    expect(differingPixels(idle, pixels(canvas))).toBeGreaterThan(200);
    // Every frame starts at a rising zero crossing: the trace starts at 0 and goes up.
    for (let i = 0; i < 5; i++) {
      await frames(1);
      expect(scope.triggered).toBe(true);
      expect(Math.abs(scope.trace[0]!)).toBeLessThan(1e-6);
      expect(scope.trace[3]!).toBeGreaterThan(0);
    }
    // 5 ms at the context's rate; the sine's peak (0.9) is in the trace.
    expect(scope.trace.length).toBe(Math.round(context.sampleRate * 0.005));
    expect(Math.max(...scope.trace)).toBeGreaterThan(0.85);
    chain.stop();
  });

  it('with auto-scale, a sine 40 dB below full scale (0.01) is drawn on ±2⁻⁶ of full scale, the smallest 6 dB step that holds it', async () => {
    const chain = sine(1000, { gain: 0.01, fftSize: 2048 });
    const scope = await mount(document.createElement('headroom-scope'));
    scope.autoScale = true;
    scope.analyser = chain.analyser;
    scope.running = true;
    await settle();
    // log2(0.01) = −6.64, so the range is 2^−6 = 0.015625 (−36.1 dBFS): the trace fills 64 % of the height.
    expect(scope.range).toBe(2 ** -6);
    expect(Math.max(...scope.trace)).toBeCloseTo(0.01, 3);
    scope.autoScale = false;
    await settle(100);
    expect(scope.range).toBe(1);
    chain.stop();
  });

  it('shows a clipped sine’s flat tops', async () => {
    const chain = sine(500, { gain: 1, clipAt: 0.5, fftSize: 4096 });
    const stage = themedStage('dark');
    const scope = await mount(document.createElement('headroom-scope'), stage);
    scope.label = 'clipped at ±0.5';
    scope.analyser = chain.analyser;
    scope.running = true;
    await settle();
    const trace = [...scope.trace];
    const flat = trace.filter((v) => Math.abs(Math.abs(v) - 0.5) < 0.01).length;
    // A sine of amplitude 1 clipped at 0.5 spends two thirds of its time on the flat tops.
    expect(flat / trace.length).toBeGreaterThan(0.5);
    expect(Math.max(...trace)).toBeLessThan(0.52);
    chain.stop();
  });
});

describe('<headroom-spectrum>', () => {
  it('finds a sine’s frequency within one bin and marks no harmonics of a clean sine', async () => {
    const hz = 1234;
    const chain = sine(hz, { gain: 0.5 });
    const spectrum = await mount(document.createElement('headroom-spectrum'));
    const canvas = spectrum.shadowRoot!.querySelector('canvas')!;
    await frames(2);
    const idle = pixels(canvas);
    spectrum.harmonics = true;
    spectrum.analyser = chain.analyser;
    spectrum.running = true;
    await settle(600);
    const binHz = context.sampleRate / chain.analyser.fftSize;
    expect(Math.abs(spectrum.peak!.hz - hz)).toBeLessThan(binHz);
    expect(differingPixels(idle, pixels(canvas))).toBeGreaterThan(200);
    // A clean oscillator has no harmonic 10 dB above the noise floor (or the −120 dB bottom of the scale).
    expect(spectrum.harmonicLevels.length).toBeGreaterThan(5);
    expect(spectrum.harmonicLevels.filter((h) => h.significant)).toEqual([]);
    await spectrum.updateComplete;
    expect(spectrum.shadowRoot!.querySelector('[data-testid="status"]')!.textContent).toMatch(/^Peak 1\.2 kHz/);
    chain.stop();
  });

  it('marks the odd harmonics of a WaveShaper-clipped sine with their level in dBc', async () => {
    const hz = 1000;
    const chain = sine(hz, { gain: 1, clipAt: 0.5 });
    const spectrum = await mount(document.createElement('headroom-spectrum'));
    spectrum.label = '1 kHz clipped at ±0.5';
    spectrum.harmonics = true;
    spectrum.analyser = chain.analyser;
    spectrum.running = true;
    await settle(600);
    const binHz = context.sampleRate / chain.analyser.fftSize;
    expect(Math.abs(spectrum.peak!.hz - hz)).toBeLessThan(binHz);
    const byN = new Map(spectrum.harmonicLevels.map((h) => [h.n, h]));
    // Symmetric hard clipping: strong odd harmonics (the 3rd of a sine clipped at half its
    // amplitude is about −12 dBc by its Fourier series), even ones absent.
    for (const n of [3, 5, 7]) {
      const h = byN.get(n)!;
      expect(h.significant).toBe(true);
      expect(Math.abs(h.hz - n * hz)).toBeLessThan(binHz);
    }
    expect(byN.get(3)!.dbc).toBeGreaterThan(-20);
    expect(byN.get(3)!.dbc).toBeLessThan(-8);
    expect(byN.get(2)!.dbc).toBeLessThan(byN.get(3)!.dbc - 30);
    expect(byN.get(2)!.significant).toBe(false);
    await spectrum.updateComplete;
    expect(spectrum.shadowRoot!.querySelector('[data-testid="status"]')!.textContent).toMatch(/H3 −1\d dBc/);
    chain.stop();
  });

  it('marks no harmonics when the sound is not a tone, and lists its strongest components in a table for screen readers', async () => {
    const hz = 1000;
    const chain = sine(hz, { gain: 1, clipAt: 0.5 });
    const spectrum = await mount(document.createElement('headroom-spectrum'));
    spectrum.analyser = chain.analyser;
    spectrum.running = true;
    await settle(600);
    await spectrum.updateComplete;
    // The same clipped sine as above, but not announced as a tone: its peaks are shown, not read as distortion.
    expect(spectrum.harmonicLevels).toEqual([]);
    expect(spectrum.shadowRoot!.querySelector('[data-testid="status"]')!.textContent!.trim()).toMatch(/^Peak 1(\.0)? kHz$/);
    const rows = [...spectrum.shadowRoot!.querySelectorAll('table tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent!.trim()));
    // Strongest first: the fundamental, then the 3rd and 5th harmonics of the clipped sine (odd only).
    expect(rows.length).toBe(5);
    expect(rows[0]![0]).toMatch(/^1(\.0)? kHz$/);
    expect(rows.slice(1, 3).map((r) => r[0])).toEqual(expect.arrayContaining([expect.stringMatching(/^3(\.0)? kHz$/), expect.stringMatching(/^5(\.0)? kHz$/)]));
    const canvas = spectrum.shadowRoot!.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toContain('Spectrum');
    chain.stop();
  });

  it('fits a 390 px phone in dark colours', async () => {
    await page.viewport(390, 800);
    const chain = sine(440, { gain: 1, clipAt: 0.7 });
    const stage = themedStage('dark');
    stage.style.padding = '12px';
    const spectrum = await mount(document.createElement('headroom-spectrum'), stage);
    spectrum.analyser = chain.analyser;
    spectrum.running = true;
    await settle(600);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
    chain.stop();
  });
});

describe('AnimationFrameController', () => {
  it('stops requesting frames when the element is disconnected, and when running turns false', async () => {
    const chain = sine(1000, { fftSize: 2048 });
    const scope = document.createElement('headroom-scope') as HeadroomScope;
    scope.analyser = chain.analyser;
    scope.running = true;
    await mount(scope);
    await frames(3);
    expect(scope.frames.active).toBe(true);
    const raf = vi.spyOn(window, 'requestAnimationFrame');

    // Waits with timers, not frames: every requestAnimationFrame the spy sees is the scope's.
    const wait = () => new Promise((r) => setTimeout(r, 150));
    scope.remove();
    expect(scope.frames.active).toBe(false);
    await wait();
    expect(raf).not.toHaveBeenCalled();

    // Reconnected it runs again; `running = false` stops it for good.
    document.body.append(scope);
    await wait();
    expect(scope.frames.active).toBe(true);
    expect(raf).toHaveBeenCalled();
    scope.running = false;
    await scope.updateComplete;
    expect(scope.frames.active).toBe(false);
    raf.mockClear();
    await wait();
    expect(raf).not.toHaveBeenCalled();

    // No analyser means no loop either.
    const spectrum = document.createElement('headroom-spectrum') as HeadroomSpectrum;
    spectrum.running = true;
    await mount(spectrum);
    await frames(2);
    expect(spectrum.frames.active).toBe(false);
    chain.stop();
  });
});
