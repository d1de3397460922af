/** Small builders for test setups: only what a test states matters, the rest is neutral. */
import { amps } from '../../src/model/catalog/amps.ts';
import { headphones } from '../../src/model/catalog/headphones.ts';
import { sources } from '../../src/model/catalog/sources.ts';
import { splitters } from '../../src/model/catalog/splitters.ts';
import type { Amp, Headphone, Setup, Source } from '../../src/model/setup.ts';

export function resistiveHeadphone(ohms: number, name = `${ohms} ohm`, dbPerVolt = 100): Headphone {
  return { name, sensitivity: { value: dbPerVolt, unit: 'dB/V' }, impedance: { nominalOhms: ohms } };
}

export function source(overrides: Partial<Source> = {}): Source {
  return { name: 'Test source', outputImpedanceOhms: 0, maxOutputVrms: 1, volumeDb: 0, ...overrides };
}

export function amp(overrides: Partial<Amp> = {}): Amp {
  return {
    name: 'Test amp',
    inputImpedanceOhms: 10_000,
    gainDb: 0,
    outputImpedanceOhms: 0,
    maxOutputVrms: 10,
    outputs: 'shared',
    ...overrides,
  };
}

export function setup(overrides: Partial<Setup> = {}): Setup {
  return {
    format: 'headroom/setup@1',
    signal: { levelDbfs: 0 },
    source: source(),
    amp: null,
    splitter: null,
    headphones: [resistiveHeadphone(32)],
    ...overrides,
  };
}

/** 20·log10, written out here so tests do not lean on the model's own helpers. */
export const db = (ratio: number): number => 20 * Math.log10(ratio);

/** Two setups of eight catalog headphones each (a passive Y, B through an amp): the largest pair a class shares. */
export function eightAndEightCatalogPair(): { a: Setup; b: Setup } {
  const chain = (withAmp: boolean, offset: number): Setup => ({
    format: 'headroom/setup@1',
    signal: { levelDbfs: -10 },
    source: { ...structuredClone(sources[0]!.part), volumeDb: -6 },
    amp: withAmp ? structuredClone(amps[0]!.part) : null,
    splitter: structuredClone(splitters[0]!.part),
    headphones: Array.from({ length: 8 }, (_, i) => structuredClone(headphones[(offset + i) % headphones.length]!.part)),
  });
  return { a: chain(false, 0), b: chain(true, 7) };
}
