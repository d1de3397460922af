/**
 * Support for tests/browser/interaction-hour.browser.test.ts: an OfflineAudioContext whose
 * graph may change while it renders, a probe that counts the worklet processors that are
 * created, released and running, a tap that checks every output sample, and the seeded
 * random interactions.
 *
 * Why not engine-harness.ts's offlineEngine: standardized-audio-context builds an
 * OfflineAudioContext's native graph once, when its `startRendering()` is called (its node
 * renderers connect the native nodes then; `connect()` and `disconnect()` on an offline
 * context only record). A node made or connected later — a chain rebuild, a new voice after
 * a seek — would never sound, and a disconnected one would keep sounding. So here the
 * native OfflineAudioContext is "live-wired": standardized-audio-context is told, for this
 * one context, that it is not an OfflineAudioContext (`Symbol.hasInstance` of the native
 * constructor, which it consults through `instanceof`), and wires the graph exactly as it
 * does on the app's live AudioContext, natively at `connect()` and `disconnect()`. The test
 * drives the native context's `suspend(t)`, `resume()` and `startRendering()` itself. The
 * nodes, the processors, the wiring and the parameter automation are the app's.
 *
 * The probe: a worklet module loaded into the same AudioWorkletGlobalScope before the
 * app's. It wraps the scope's `registerProcessor`, so every `headroom-*` processor is
 * counted when constructed and stamped with `currentFrame` whenever its `process()` runs.
 * Releases: chain-graph releases a retired node by posting `{ type: 'release' }` on its port
 * (the processor returns false from process() from then on), disconnecting it and closing
 * its port; the probe listens on the processor's port too and counts that message. Asked
 * over its port, the probe says how many processors were created, released and running
 * since a given frame.
 *
 * The tap: the engine connects its limiter to `context.destination`; the test points that
 * property, on this one context, at a worklet node that folds the stereo output into one
 * channel sample by sample — whichever of left and right has the larger magnitude (a NaN
 * always wins) — and sends that to the real destination. So the rendered mono buffer
 * carries, for every sample, the worse of both channels: checking |x| ≤ ceiling and
 * finiteness on it checks every stereo output sample, at half the memory.
 */
import { AudioWorkletNode, OfflineAudioContext, type IAudioNode, type IAudioWorkletNode, type IOfflineAudioContext } from 'standardized-audio-context';
import { amps, headphones as catalogHeadphones, sources, splitters } from '../../src/model/catalog/index.ts';
import type { Headphone, Setup } from '../../src/model/setup.ts';
import type { SourceMaterial } from '../../src/audio/engine/index.ts';
import { mulberry32 } from '../../src/math/random.ts';

// ── A live-wired OfflineAudioContext ─────────────────────────────────────────

/** The browser's own classes (the names are taken by standardized-audio-context's here). */
type NativeOfflineAudioContext = InstanceType<typeof window.OfflineAudioContext>;

const liveWired = new WeakSet<object>();
let hasInstancePatched = false;

/** Makes `instanceof OfflineAudioContext` false for the native contexts in `liveWired` (and only those). */
function patchOfflineAudioContextInstanceof(): void {
  if (hasInstancePatched) return;
  hasInstancePatched = true;
  const native = window.OfflineAudioContext;
  const ordinary = Function.prototype[Symbol.hasInstance];
  Object.defineProperty(native, Symbol.hasInstance, {
    configurable: true,
    value(this: typeof native, value: unknown): boolean {
      return !(typeof value === 'object' && value !== null && liveWired.has(value)) && ordinary.call(this, value);
    },
  });
}

export interface LiveWiredContext {
  /** What the engine gets: a standardized-audio-context OfflineAudioContext wired like a live one. */
  context: IOfflineAudioContext;
  /** The browser's own OfflineAudioContext under it: suspend, resume and render with this. */
  native: NativeOfflineAudioContext;
}

export function liveWiredOfflineContext(options: { sampleRate: number; length: number; numberOfChannels: number }): LiveWiredContext {
  patchOfflineAudioContextInstanceof();
  const context = new OfflineAudioContext(options) as IOfflineAudioContext;
  const native = (context as unknown as { _nativeOfflineAudioContext?: NativeOfflineAudioContext })._nativeOfflineAudioContext;
  if (!(native instanceof window.OfflineAudioContext)) {
    throw new Error('standardized-audio-context no longer keeps its native context in _nativeOfflineAudioContext: update interaction-support.ts');
  }
  liveWired.add(native);
  if (native instanceof window.OfflineAudioContext) throw new Error('the instanceof patch did not take');
  return { context, native };
}

// ── Probe and tap ────────────────────────────────────────────────────────────

/** The probe's and the tap's worklet module (plain JavaScript, loaded from a blob URL). */
const PROBE_SOURCE = String.raw`
const realRegister = globalThis.registerProcessor;
const created = {};
const released = {};
const entries = new Set();
let collected = 0;
const registry = new FinalizationRegistry((entry) => {
  entries.delete(entry);
  collected++;
});
globalThis.registerProcessor = (name, ctor) => {
  if (!name.startsWith('headroom-')) return realRegister(name, ctor);
  return realRegister(name, class extends ctor {
    constructor(options) {
      super(options);
      const entry = { name, frame: -1, released: false };
      entries.add(entry);
      registry.register(this, entry);
      this.__probeEntry = entry;
      created[name] = (created[name] || 0) + 1;
      this.port.addEventListener('message', (event) => {
        if (entry.released || !event.data || event.data.type !== 'release') return;
        entry.released = true;
        released[name] = (released[name] || 0) + 1;
      });
    }
    process(inputs, outputs, parameters) {
      const entry = this.__probeEntry;
      entry.frame = currentFrame;
      return super.process(inputs, outputs, parameters);
    }
  });
};

realRegister('interaction-probe', class extends AudioWorkletProcessor {
  constructor() {
    super();
    this.port.onmessage = (event) => {
      const since = event.data.since;
      const running = {};
      for (const entry of entries) {
        if (entry.frame >= since) running[entry.name] = (running[entry.name] || 0) + 1;
      }
      this.port.postMessage({ frame: currentFrame, created: { ...created }, released: { ...released }, running, collected });
    };
  }
  process() {
    return true;
  }
});

realRegister('interaction-tap', class extends AudioWorkletProcessor {
  process(inputs, outputs) {
    const input = inputs[0];
    const out = outputs[0][0];
    if (!input || input.length === 0) {
      out.fill(0);
      return true;
    }
    const left = input[0];
    const right = input[1] || input[0];
    for (let i = 0; i < out.length; i++) {
      const l = left[i];
      const r = right[i];
      out[i] = l !== l || Math.abs(l) >= Math.abs(r) ? l : r;
    }
    return true;
  }
});
`;

let probeUrl: string | null = null;

function probeModuleUrl(): string {
  probeUrl ??= URL.createObjectURL(new Blob([PROBE_SOURCE], { type: 'text/javascript' }));
  return probeUrl;
}

export interface ProbeStats {
  /** The render thread's currentFrame when it answered. */
  frame: number;
  /** headroom-* processors constructed so far, by name. */
  created: Record<string, number>;
  /** headroom-* processors told { type: "release" } by the main thread (chain-graph releasing a node), by name. */
  released: Record<string, number>;
  /** headroom-* processors whose process() ran at or after the asked frame, by name. */
  running: Record<string, number>;
  /** headroom-* processors the worklet scope's garbage collector has reclaimed. */
  collected: number;
}

export interface Probe {
  /** Counts; `since`: the first frame that counts as "running". */
  stats(since: number): Promise<ProbeStats>;
}

/**
 * Loads the probe module (before the engine's, so it wraps the engine's registrations),
 * makes the probe node and points `context.destination` at the tap. Call before
 * `ListeningEngine.create({ context })`.
 */
export async function installProbeAndTap(context: IOfflineAudioContext): Promise<Probe> {
  await context.audioWorklet!.addModule(probeModuleUrl());
  const probe = new AudioWorkletNode!(context, 'interaction-probe', { numberOfInputs: 1, numberOfOutputs: 0 }) as IAudioWorkletNode<IOfflineAudioContext>;
  const tap = new AudioWorkletNode!(context, 'interaction-tap', {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    outputChannelCount: [1],
    channelCount: 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'discrete',
  }) as IAudioWorkletNode<IOfflineAudioContext>;
  tap.connect(context.destination);
  Object.defineProperty(context, 'destination', { configurable: true, get: () => tap as unknown as IAudioNode<IOfflineAudioContext> });
  let pending: ((stats: ProbeStats) => void) | null = null;
  probe.port.onmessage = (event: MessageEvent) => {
    const resolve = pending;
    pending = null;
    resolve?.(event.data as ProbeStats);
  };
  const ask = (message: { since: number }): Promise<ProbeStats> => {
    if (pending) return Promise.reject(new Error('one probe question at a time'));
    return new Promise((resolve) => {
      pending = resolve;
      probe.port.postMessage(message);
    });
  };
  return { stats: (since) => ask({ since }) };
}

export const count = (counts: Record<string, number>, name: string): number => counts[name] ?? 0;

// ── Seeded random setups and interactions ───────────────────────────────────

/** Catalog headphones with an impedance the plan can run (network, else nominal), as tests/soak picks them. */
export const renderableHeadphones: readonly Headphone[] = catalogHeadphones
  .map((h) => h.part)
  .filter((h) => h.impedance.network != null || h.impedance.nominalOhms != null)
  .map((h) => ({ ...h, impedance: h.impedance.network != null ? { network: h.impedance.network } : { nominalOhms: h.impedance.nominalOhms! } }));

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Keeps the splitter consistent with the listeners, as tests/soak does: one when several share a shared-output amp or source. */
export function withSplitter(random: () => number, setup: Setup): Setup {
  const independent = setup.amp?.outputs === 'independent';
  const needs = setup.headphones.length > 1 && !independent;
  const splitter = needs ? (setup.splitter ?? pick(random, splitters).part) : setup.headphones.length > 1 ? setup.splitter : null;
  return { ...setup, splitter };
}

/** A random catalog setup (volume −30…0 dB, amp half the time, 1–8 listeners), the sine at −20 dBFS. */
export function randomSetup(random: () => number): Setup {
  const count = 1 + Math.floor(random() * 8);
  return withSplitter(random, {
    format: 'headroom/setup@1',
    signal: { levelDbfs: -20 },
    source: { ...pick(random, sources).part, volumeDb: -Math.round(random() * 30) },
    amp: random() < 0.5 ? pick(random, amps).part : null,
    splitter: null,
    headphones: Array.from({ length: count }, () => pick(random, renderableHeadphones)),
  });
}

/**
 * The material played most of the hour, 10 s looped (tests/soak's cycle): 6 s of a 1 kHz
 * sine at −20 dBFS peak, 2 s of white noise (±0.1), 2 s of silence, where filters decay
 * towards denormals.
 */
export function cycleMaterial(rate: number): SourceMaterial {
  const x = new Float32Array(10 * rate);
  const random = mulberry32(0xc0ffee);
  for (let i = 0; i < 6 * rate; i++) x[i] = 0.1 * Math.sin((2 * Math.PI * 1000 * i) / rate);
  for (let i = 6 * rate; i < 8 * rate; i++) x[i] = random() * 0.2 - 0.1;
  return { channels: [x], sampleRate: rate, name: 'sine, noise, silence' };
}

/** A 1 kHz sine at −20 dBFS peak, 1 s (a whole number of periods at the rates used here, so it loops seamlessly). */
export function steadySine(rate: number): SourceMaterial {
  const x = new Float32Array(rate);
  for (let i = 0; i < rate; i++) x[i] = 0.1 * Math.sin((2 * Math.PI * 1000 * i) / rate);
  return { channels: [x], sampleRate: rate, name: '1 kHz sine' };
}
