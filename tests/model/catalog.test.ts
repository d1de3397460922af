import { describe, it, expect } from 'vitest';
import {
  amps,
  defaultPresetId,
  findPreset,
  headphones,
  networkFitPoints,
  presets,
  sources,
  splitters,
  type Citation,
} from '../../src/model/catalog/index.ts';
import { ampSchema, headphoneSchema, parseSetup, sourceSchema, splitterSchema, type ImpedanceNetwork } from '../../src/model/setup.ts';
import { buildReport } from '../../src/model/report.ts';

/** Paths of every numeric figure in a part; a curve counts as one figure, 'impedance.curve'. */
function numericFields(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return [path];
  if (value === null || typeof value !== 'object') return [];
  if (path.endsWith('curve')) return [path];
  return Object.entries(value).flatMap(([key, child]) => numericFields(child, path === '' ? key : `${path}.${key}`));
}

/** |Z| of Re + sLe + 1/(1/R + 1/(sL) + sC), written out here independently of src/model/impedance.ts. */
function networkMagnitude(network: ImpedanceNetwork, hz: number): number {
  const omega = 2 * Math.PI * hz;
  let re = network.reOhms;
  let im = omega * network.leMh * 1e-3;
  const m = network.motional;
  if (m) {
    const g = 1 / m.rOhms;
    const b = omega * m.cUf * 1e-6 - 1 / (omega * m.lMh * 1e-3);
    const d = g * g + b * b;
    re += g / d;
    im += -b / d;
  }
  return Math.hypot(re, im);
}

const entries = [...headphones, ...sources, ...amps, ...splitters];
// volumeDb is the user's digital volume setting (0 dB in the catalog), not a figure of the device.
const SETTINGS = new Set(['volumeDb']);

describe('catalog parts', () => {
  it('every headphone, source, amp and splitter validates against its setup schema', () => {
    for (const entry of headphones) expect(headphoneSchema.safeParse(entry.part).success, entry.id).toBe(true);
    for (const entry of sources) expect(sourceSchema.safeParse(entry.part).success, entry.id).toBe(true);
    for (const entry of amps) expect(ampSchema.safeParse(entry.part).success, entry.id).toBe(true);
    for (const entry of splitters) expect(splitterSchema.safeParse(entry.part).success, entry.id).toBe(true);
  });

  it('every numeric figure of every part has exactly one citation, and every citation names a real figure', () => {
    for (const entry of entries) {
      const figures = numericFields(entry.part).filter((field) => !SETTINGS.has(field)).sort();
      const cited = entry.citations.map((citation: Citation) => citation.field).sort();
      expect(cited, entry.id).toEqual(figures);
    }
  });

  it('every estimate explains its reasoning and every citation names a source', () => {
    for (const entry of entries) {
      for (const citation of entry.citations) {
        expect(citation.source.length, `${entry.id} ${citation.field}`).toBeGreaterThan(10);
        if (citation.kind === 'estimate') expect(citation.reasoning?.length ?? 0, `${entry.id} ${citation.field}`).toBeGreaterThan(30);
      }
    }
  });

  it('ids are unique kebab-case across the whole catalog and the presets', () => {
    const ids = [...entries.map((entry) => entry.id), ...presets.map((preset) => preset.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('holds at least 12 headphones, 8 sources, 5 amps (one with independent outputs) and a passive splitter', () => {
    expect(headphones.length).toBeGreaterThanOrEqual(12);
    expect(sources.length).toBeGreaterThanOrEqual(8);
    expect(amps.length).toBeGreaterThanOrEqual(5);
    expect(amps.some((entry) => entry.kind === 'distribution' && entry.part.outputs === 'independent')).toBe(true);
    expect(splitters.length).toBeGreaterThanOrEqual(1);
    expect(headphones.some((entry) => entry.kind === 'in-ear')).toBe(true);
  });

  it('headphones span a ≤ 20 Ω in-ear to ≥ 600 Ω studio headphones at 1 kHz', () => {
    const at1k = headphones.map((entry) => {
      const { impedance } = entry.part;
      if (impedance.network) return networkMagnitude(impedance.network, 1000);
      if (impedance.curve) return impedance.curve.find(([hz]) => hz >= 1000)![1];
      return impedance.nominalOhms!;
    });
    expect(Math.min(...at1k)).toBeLessThanOrEqual(20);
    expect(Math.max(...at1k)).toBeGreaterThanOrEqual(600);
  });

  it('at least 4 headphones are described by a network or a measured curve', () => {
    const described = headphones.filter((entry) => entry.part.impedance.network != null || entry.part.impedance.curve != null);
    expect(described.length).toBeGreaterThanOrEqual(4);
    expect(headphones.some((entry) => entry.part.impedance.curve != null)).toBe(true);
  });

  it('each fitted network reproduces the measured |Z| points it was fitted to within 1 %', () => {
    // 1 %: the fits are exact to < 0.1 % before the parameters are rounded to 4 significant digits.
    const fitted = Object.entries(networkFitPoints);
    expect(fitted.length).toBeGreaterThanOrEqual(4);
    for (const [id, points] of fitted) {
      const network = headphones.find((entry) => entry.id === id)?.part.impedance.network;
      expect(network, id).toBeTruthy();
      for (const { hz, magnitudeOhms } of points) {
        expect(Math.abs(networkMagnitude(network!, hz) / magnitudeOhms - 1), `${id} at ${hz} Hz`).toBeLessThan(0.01);
      }
    }
  });

  it('fitted networks with a resonance peak at the measured peak frequency (±5 %)', () => {
    const peaks: Record<string, number> = { 'sennheiser-hd-650': 100, 'beyerdynamic-dt-990-pro-250': 90, 'beyerdynamic-dt-880-600': 90 };
    for (const [id, peakHz] of Object.entries(peaks)) {
      const network = headphones.find((entry) => entry.id === id)!.part.impedance.network!;
      let bestHz = 0;
      let best = 0;
      for (let hz = 20; hz <= 1000; hz *= 1.001) {
        const magnitude = networkMagnitude(network, hz);
        if (magnitude > best) [best, bestHz] = [magnitude, hz];
      }
      expect(Math.abs(bestHz / peakHz - 1), id).toBeLessThan(0.05);
    }
  });

  it('the balanced-armature in-ear rises with frequency', () => {
    const network = headphones.find((entry) => entry.id === 'etymotic-hf5')!.part.impedance.network!;
    expect(networkMagnitude(network, 20)).toBeCloseTo(17.2, 1);
    expect(networkMagnitude(network, 20000)).toBeGreaterThan(networkMagnitude(network, 1000) * 1.15);
  });
});

describe('presets', () => {
  it('every preset validates with parseSetup and has a one-line story', () => {
    for (const preset of presets) {
      expect(parseSetup(preset.setup), preset.id).toEqual({ ok: true, value: preset.setup });
      expect(preset.story, preset.id).not.toMatch(/\n/);
      expect(preset.story.length, preset.id).toBeGreaterThan(20);
    }
  });

  it('the default preset exists and every pairedWith resolves to another preset', () => {
    expect(defaultPresetId).toBe('phone-hd600');
    expect(findPreset(defaultPresetId)?.pairedWith).toBe('phone-amp-hd600');
    expect(findPreset('no-such-preset')).toBeUndefined();
    for (const preset of presets) {
      if (preset.pairedWith === undefined) continue;
      expect(findPreset(preset.pairedWith), preset.id).toBeDefined();
      expect(preset.pairedWith).not.toBe(preset.id);
    }
  });

  it('phone-hd600 has no amp and phone-amp-hd600 adds one in front of the same headphone', () => {
    const bare = findPreset('phone-hd600')!.setup;
    const amped = findPreset('phone-amp-hd600')!.setup;
    expect(bare.amp).toBeNull();
    expect(amped.amp).not.toBeNull();
    expect(amped.headphones).toEqual(bare.headphones);
    expect(amped.source).toEqual(bare.source);
  });

  it('the laptop preset shares one output between two headphones on a passive splitter', () => {
    const { setup } = findPreset('laptop-splitter-two-m50x')!;
    expect(setup.splitter).not.toBeNull();
    expect(setup.amp).toBeNull();
    expect(setup.headphones).toHaveLength(2);
  });

  it('the band preset feeds four headphones from an amp with independent outputs', () => {
    const { setup } = findPreset('band-interface-distribution-amp')!;
    expect(setup.amp?.outputs).toBe('independent');
    expect(setup.headphones).toHaveLength(4);
  });

  it('the high-output-impedance in-ear preset deviates by more than 1 dB', () => {
    const { setup } = findPreset('iec-120-ohm-hf5')!;
    expect(setup.source.outputImpedanceOhms).toBeGreaterThanOrEqual(100);
    const deviation = buildReport(setup).headphones[0]!.responseDeviationDb;
    expect(deviation.max - deviation.min).toBeGreaterThan(1);
  });

  it('the underpowered phone preset clips below 0 dBFS at its volume', () => {
    const report = buildReport(findPreset('phone-four-k371-splitter')!.setup);
    expect(report.clipping.limitedBy).not.toBe('none');
    expect(report.clipping.atSignalDbfs).toBeLessThan(-1);
  });
});
