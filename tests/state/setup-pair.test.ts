import { describe, expect, it } from 'vitest';
import { findPreset, presets } from '../../src/model/catalog/presets.ts';
import { parseSetup } from '../../src/model/setup.ts';
import { defaultPair, pairFromPreset, qualifyMessage } from '../../src/state/setup-pair.ts';

describe('the setup pair', () => {
  it('defaults to a phone driving the 300 Ω HD 600 directly (A) and through an amp (B)', () => {
    const pair = defaultPair();
    expect(pair.a).toEqual(findPreset('phone-hd600')!.setup);
    expect(pair.b).toEqual(findPreset('phone-amp-hd600')!.setup);
    expect(pair.a.amp).toBeNull();
    expect(pair.b.amp).not.toBeNull();
    expect(pair.a.headphones[0]!.impedance.nominalOhms).toBe(300);
    expect(pair.b.headphones[0]!.impedance.nominalOhms).toBe(300);
  });

  it('loads a preset as A and its pairedWith preset as B', () => {
    const result = pairFromPreset('laptop-splitter-two-m50x');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.a).toEqual(findPreset('laptop-splitter-two-m50x')!.setup);
    expect(result.value.b).toEqual(findPreset('laptop-m50x-alone')!.setup);
  });

  it('uses a copy of A as B for a preset with no pair', () => {
    const unpaired = presets.find((p) => !p.pairedWith)!;
    const result = pairFromPreset(unpaired.id);
    expect(result.ok && result.value.b).toEqual(unpaired.setup);
    expect(result.ok && result.value.a !== result.value.b).toBe(true);
  });

  it('gives copies, so editing the pair never changes the catalog', () => {
    const result = pairFromPreset('phone-hd600');
    if (!result.ok) throw new Error('preset missing');
    result.value.a.headphones[0]!.name = 'changed';
    expect(findPreset('phone-hd600')!.setup.headphones[0]!.name).toBe('Sennheiser HD 600');
  });

  it('names an unknown preset and lists the known ones', () => {
    const result = pairFromPreset('nope');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([`no preset "nope" (known: ${presets.map((p) => p.id).join(', ')})`]);
  });

  it('every preset loads as a valid pair', () => {
    for (const preset of presets) {
      const result = pairFromPreset(preset.id);
      expect(result.ok, preset.id).toBe(true);
      if (result.ok) expect(parseSetup(result.value.b).ok, preset.id).toBe(true);
    }
  });

  it('prefixes schema messages with the setup they are about', () => {
    expect(qualifyMessage('a', 'headphones[0].name must have at least 1 characters (got "")')).toBe('a.headphones[0].name must have at least 1 characters (got "")');
    expect(qualifyMessage('b', 'setup has unknown field "x"')).toBe('b has unknown field "x"');
    expect(qualifyMessage('b', 'setup must be an object (got 3)')).toBe('b must be an object (got 3)');
  });
});
