import { describe, expect, it } from 'vitest';
import { parseSetup, parseSetupJson } from '../../src/model/setup.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

const errorsOf = (input: unknown): string[] => {
  const result = parseSetup(input);
  return result.ok ? [] : result.errors;
};

describe('the headroom/setup@1 contract', () => {
  it('accepts a minimal valid setup unchanged', () => {
    const valid = setup();
    const result = parseSetup(valid);
    expect(result).toEqual({ ok: true, value: valid });
  });

  it('names the field, the value and the allowed range for a negative impedance', () => {
    const bad = setup({ headphones: [resistiveHeadphone(32), { ...resistiveHeadphone(32), impedance: { nominalOhms: -32 } }] });
    expect(errorsOf(bad)).toEqual(['headphones[1].impedance.nominalOhms must be > 0 (got -32)']);
  });

  it('rejects a positive volume instead of clamping it to 0 dB', () => {
    expect(errorsOf(setup({ source: { ...setup().source, volumeDb: 3 } }))).toEqual(['source.volumeDb must be <= 0 (got 3)']);
  });

  it('rejects a signal above full scale', () => {
    expect(errorsOf(setup({ signal: { levelDbfs: 0.5 } }))).toEqual(['signal.levelDbfs must be <= 0 (got 0.5)']);
  });

  it('rejects no listeners and more than eight', () => {
    expect(errorsOf(setup({ headphones: [] }))).toEqual(['headphones must have at least 1 entry (got 0)']);
    const nine = Array.from({ length: 9 }, () => resistiveHeadphone(32));
    expect(errorsOf(setup({ headphones: nine }))).toEqual(['headphones must have at most 8 entries (got 9)']);
  });

  it('rejects unknown fields rather than ignoring them', () => {
    expect(errorsOf({ ...setup(), volume: 3 })).toEqual(['setup has unknown field "volume"']);
  });

  it('rejects a wrong format tag and a wrong unit with the allowed values', () => {
    // headroom/setup@2 and @3 are valid too: see tests/model/input/contract.test.ts and gear-contract.test.ts.
    expect(errorsOf({ ...setup(), format: 'headroom/setup@4' })).toEqual([
      'format must be one of "headroom/setup@1", "headroom/setup@2", "headroom/setup@3" (got "headroom/setup@4")',
    ]);
    const hp = { ...resistiveHeadphone(32), sensitivity: { value: 100, unit: 'dB/W' } };
    expect(errorsOf(setup({ headphones: [hp as never] }))).toEqual([
      'headphones[0].sensitivity.unit must be one of "dB/V", "dB/mW" (got "dB/W")',
    ]);
  });

  it('says which field is missing and what type it needs', () => {
    const { maxOutputVrms: _dropped, ...noMax } = setup().source;
    expect(errorsOf(setup({ source: noMax as never }))).toEqual(['source.maxOutputVrms is required (a number)']);
    expect(errorsOf(setup({ source: { ...setup().source, maxOutputVrms: '1' as never } }))).toEqual([
      'source.maxOutputVrms must be a number (got "1")',
    ]);
  });

  it('requires an impedance description and rising curve frequencies', () => {
    const none = { ...resistiveHeadphone(32), impedance: {} };
    const falling = { ...resistiveHeadphone(32), impedance: { curve: [[100, 30, 0], [50, 30, 0]] } };
    expect(errorsOf(setup({ headphones: [none, falling as never] }))).toEqual([
      'headphones[0].impedance needs one of nominalOhms, network or curve (got {})',
      "headphones[1].impedance.curve[1][0] must be > 100 Hz, the previous point's frequency (got 50); points go in rising frequency",
    ]);
  });

  it('reports every problem at once, not just the first', () => {
    const bad = setup({ signal: { levelDbfs: 1 }, source: { ...setup().source, outputImpedanceOhms: -1 } });
    expect(errorsOf(bad)).toHaveLength(2);
  });

  it('reports JSON syntax errors as a setup error', () => {
    const result = parseSetupJson('{"format": ');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.errors[0]).toMatch(/^setup is not valid JSON: /);
  });

  it('rejects non-finite numbers that JavaScript callers could pass', () => {
    expect(errorsOf(setup({ signal: { levelDbfs: Number.NEGATIVE_INFINITY } }))).toEqual([
      'signal.levelDbfs must be a number (got -Infinity)',
    ]);
  });
});
