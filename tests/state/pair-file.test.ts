import { describe, expect, it } from 'vitest';
import { defaultPair } from '../../src/state/setup-pair.ts';
import { exportPairJson, importPairJson, PAIR_FILE_FORMAT } from '../../src/state/pair-file.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

const errorsOf = (text: string): string[] => {
  const result = importPairJson(text);
  return result.ok ? [] : result.errors;
};

describe('the pair file', () => {
  it('exports {format, a, b} as readable JSON and imports it back unchanged', () => {
    const pair = defaultPair();
    const text = exportPairJson(pair);
    expect(JSON.parse(text)).toEqual({ format: PAIR_FILE_FORMAT, a: pair.a, b: pair.b });
    expect(text).toContain('\n  "format": "headroom/setup-pair@1"');
    expect(importPairJson(text)).toEqual({ ok: true, value: pair });
  });

  it('names the setup and the field of every invalid value', () => {
    const bad = {
      format: PAIR_FILE_FORMAT,
      a: setup({ headphones: [{ ...resistiveHeadphone(32), impedance: { nominalOhms: -3 } }] }),
      b: setup({ source: { ...setup().source, volumeDb: 2 } }),
    };
    expect(errorsOf(JSON.stringify(bad))).toEqual([
      'a.headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got -3)',
      'b.source.volumeDb must be from -120 to 0 dB (got 2)',
    ]);
  });

  it('says when a setup is missing, the format is wrong, or a single setup file was given', () => {
    expect(errorsOf(JSON.stringify({ format: PAIR_FILE_FORMAT, a: setup() }))).toEqual(['b is required (a headroom/setup@1 object)']);
    expect(errorsOf(JSON.stringify({ format: 'headroom/setup-pair@9', a: setup(), b: setup() }))).toEqual([
      'format must be "headroom/setup-pair@1" (got "headroom/setup-pair@9")',
    ]);
    expect(errorsOf(JSON.stringify(setup()))[0]).toMatch(/^format is "headroom\/setup@1": this is one setup, not a pair/);
  });

  it('rejects unknown fields, non-objects and broken JSON with a message', () => {
    expect(errorsOf(JSON.stringify({ format: PAIR_FILE_FORMAT, a: setup(), b: setup(), c: 1 }))).toEqual(['file has unknown field "c"']);
    expect(errorsOf('[1,2]')).toEqual(['file must hold a JSON object (got an array)']);
    expect(errorsOf('{"format": "headroom/setup-pair@1",')[0]).toMatch(/^file is not valid JSON: /);
  });
});
