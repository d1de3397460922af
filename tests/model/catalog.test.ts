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
import { catalog, dataNetworkFits } from '../../src/model/catalog/full.ts';
import { CatalogDataError, loadCatalogData } from '../../src/model/catalog/catalog-data.ts';
import references from '../../src/model/catalog/data/references.json';

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

const entries = [...catalog.headphones, ...catalog.sources, ...catalog.amps, ...catalog.splitters];
// volumeDb is the user's digital volume setting (0 dB in the catalog), not a figure of the device.
const SETTINGS = new Set(['volumeDb']);

describe('catalog parts', () => {
  it('every headphone, source, amp and splitter of the whole catalog validates against its setup schema', () => {
    for (const entry of catalog.headphones) expect(headphoneSchema.safeParse(entry.part).success, entry.id).toBe(true);
    for (const entry of catalog.sources) expect(sourceSchema.safeParse(entry.part).success, entry.id).toBe(true);
    for (const entry of catalog.amps) expect(ampSchema.safeParse(entry.part).success, entry.id).toBe(true);
    for (const entry of catalog.splitters) expect(splitterSchema.safeParse(entry.part).success, entry.id).toBe(true);
  });

  it('the whole catalog begins with the built-in parts, in their order, so presets and links keep their ids', () => {
    expect(catalog.headphones.slice(0, headphones.length)).toEqual(headphones);
    expect(catalog.sources.slice(0, sources.length)).toEqual(sources);
    expect(catalog.amps.slice(0, amps.length)).toEqual(amps);
    expect(catalog.splitters).toEqual(splitters);
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

  it('every alternative figure cites its own source for the same field, and a sensitivity comes with its unit', () => {
    for (const entry of entries) {
      for (const alternative of entry.alternatives ?? []) {
        const where = `${entry.id} ${alternative.field}`;
        expect(alternative.citation.field, where).toBe(alternative.field);
        expect(alternative.citation.source.length, where).toBeGreaterThan(10);
        if (alternative.field === 'sensitivity') {
          expect(typeof alternative.value === 'object' && ['dB/V', 'dB/mW'].includes(alternative.value.unit), where).toBe(true);
        } else {
          expect(typeof alternative.value === 'number' && alternative.value > 0, where).toBe(true);
          // The figure it stands beside: the same path in the part, or a nominal |Z| beside a network or curve.
          expect(alternative.field === 'impedance.nominalOhms' || Object.hasOwn(entry.part, alternative.field), where).toBe(true);
        }
      }
    }
  });

  it('a measured sensitivity beside a maker\u2019s is kept as an alternative and the maker\u2019s stays the part\u2019s figure', () => {
    // Sony MDR-7506: Sony states 106 dB/mW (63 Ω nominal = 118.0 dB/V); ASR measured 113.9 and 113.6 dB/V.
    const sony = catalog.headphones.find((entry) => entry.id === 'sony-mdr-7506')!;
    expect(sony.part.sensitivity).toEqual({ value: 106, unit: 'dB/mW' });
    expect(sony.citations.find((c) => c.field === 'sensitivity.value')?.kind).toBe('manufacturer');
    const measured = sony.alternatives!.filter((a) => a.field === 'sensitivity');
    expect(measured.map((a) => a.value)).toEqual([{ value: 113.9, unit: 'dB/V' }, { value: 113.6, unit: 'dB/V' }]);
    expect(measured.every((a) => a.citation.kind === 'measurement')).toBe(true);
  });

  it('a data file that cites a document references.json lacks, or an invalid part, throws naming the entry and the field', () => {
    const entry = { id: 'x-phone', kind: 'in-ear', part: { name: 'X', sensitivity: { value: 100, unit: 'dB/V' }, impedance: { nominalOhms: 16 } }, cite: { 'sensitivity.value': 'nowhere', 'impedance.nominalOhms': 'nowhere' } };
    expect(() => loadCatalogData({ references, headphones: [entry], sources: [], amps: [] })).toThrow(CatalogDataError);
    expect(() => loadCatalogData({ references, headphones: [entry], sources: [], amps: [] })).toThrow(/headphones\.json: x-phone\.cite\["sensitivity\.value"\]: cites "nowhere"/);
    const bad = { ...entry, part: { ...entry.part, impedance: { nominalOhms: -16 } }, cite: { 'sensitivity.value': 'sl-asr', 'impedance.nominalOhms': 'sl-asr' } };
    expect(() => loadCatalogData({ references, headphones: [bad], sources: [], amps: [] })).toThrow(/headphones\.json: x-phone: part\.impedance\.nominalOhms/);
    const stray = { ...entry, cite: { 'sensitivity.value': 'sl-asr', 'impedance.nominalOhms': 'sl-asr', 'impedance.network': 'sl-asr' } };
    expect(() => loadCatalogData({ references, headphones: [stray], sources: [], amps: [] })).toThrow(/cite\["impedance\.network"\] names no figure of the part/);
  });

  it('every noise figure states its weighting; these parts have one (the hiss presets\u2019 and those found with a stated weighting)', () => {
    const noisy = entries.filter((e) => 'noise' in e.part && e.part.noise != null);
    expect(noisy.map((e) => e.id).sort()).toEqual(['fiio-x3-mark-iii', 'headroom-supreme', 'ifi-zen-air-can', 'ifi-zen-air-can-0db', 'ifi-zen-air-can-9db', 'laptop-realtek-alc268-jack', 'rme-adi-2-dac-iem', 'schiit-magni-2-low-gain']);
    for (const e of noisy) expect((e.part as { noise: { weighting: string } }).noise.weighting, e.id).toMatch(/^(A|unweighted)$/);
  });

  it('ids are unique kebab-case across the whole catalog and the presets', () => {
    const ids = [...entries.map((entry) => entry.id), ...presets.map((preset) => preset.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('holds at least 150 headphones (10 of them in-ears), 25 sources, 15 amp settings (one with independent outputs) and a passive splitter', () => {
    expect(catalog.headphones.length).toBeGreaterThanOrEqual(150);
    expect(catalog.headphones.filter((entry) => entry.kind === 'in-ear').length).toBeGreaterThanOrEqual(10);
    expect(catalog.sources.length).toBeGreaterThanOrEqual(25);
    expect(catalog.amps.length).toBeGreaterThanOrEqual(15);
    expect(catalog.amps.some((entry) => entry.kind === 'distribution' && entry.part.outputs === 'independent')).toBe(true);
    expect(catalog.splitters.length).toBeGreaterThanOrEqual(1);
  });

  it('headphones span a ≤ 20 Ω in-ear to ≥ 600 Ω studio headphones at 1 kHz', () => {
    const at1k = catalog.headphones.map((entry) => {
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
    const fromData = Object.entries(dataNetworkFits).map(([id, fit]) => [id, fit.points.map(([hz, magnitudeOhms]) => ({ hz, magnitudeOhms }))] as const);
    const fitted = [...Object.entries(networkFitPoints), ...fromData];
    expect(fitted.length).toBeGreaterThanOrEqual(7);
    for (const [id, points] of fitted) {
      const network = catalog.headphones.find((entry) => entry.id === id)?.part.impedance.network;
      expect(network, id).toBeTruthy();
      for (const { hz, magnitudeOhms } of points) {
        expect(Math.abs(networkMagnitude(network!, hz) / magnitudeOhms - 1), `${id} at ${hz} Hz`).toBeLessThan(0.01);
      }
    }
  });

  it('fitted networks with a resonance peak at the measured peak frequency (±5 %)', () => {
    const peaks: Record<string, number> = {
      'sennheiser-hd-650': 100,
      'beyerdynamic-dt-990-pro-250': 90,
      'beyerdynamic-dt-880-600': 90,
      ...Object.fromEntries(Object.entries(dataNetworkFits).map(([id, fit]) => [id, fit.peakHz])),
    };
    expect(Object.keys(peaks).length).toBeGreaterThanOrEqual(6);
    for (const [id, peakHz] of Object.entries(peaks)) {
      const network = catalog.headphones.find((entry) => entry.id === id)!.part.impedance.network!;
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
