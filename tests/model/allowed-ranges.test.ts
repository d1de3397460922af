/**
 * The contract's physical ranges (src/model/contract-fields.ts): stated in docs/model.md,
 * in every refusal, and wide enough for everything the project ships.
 */
import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../src/model/contract-fields.ts';
import { presets } from '../../src/model/catalog/presets.ts';
import { buildReport } from '../../src/model/report.ts';
import { NonFiniteReportError } from '../../src/model/finite-report.ts';
import { parseSetup, parseSetupJson } from '../../src/model/setup.ts';
import { quantityFields } from '../support/setup-arbitrary.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

const errorsOf = (input: unknown): string[] => {
  const result = parseSetup(input);
  return result.ok ? [] : result.errors;
};

describe('the allowed ranges', () => {
  it('docs/model.md lists every quantity of the contract with exactly its range', async () => {
    const doc = await readFile(new URL('../../docs/model.md', import.meta.url), 'utf8');
    const fields = quantityFields();
    expect(fields.length).toBeGreaterThan(40);
    for (const { path, range } of fields) expect(doc).toContain(`| \`${path}\` | ${describeRange(range)} |`);
  });

  it('an impedance between 0 and 1 mΩ is refused with its range: 5e-324 Ω and 1e-300 Ω are no headphone', () => {
    for (const ohms of [5e-324, 1e-300, 0.000999]) {
      expect(errorsOf(setup({ headphones: [{ ...resistiveHeadphone(32), impedance: { nominalOhms: ohms } }] }))).toEqual([
        `headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got ${JSON.stringify(ohms)})`,
      ]);
    }
    expect(errorsOf(setup({ source: { ...setup().source, outputImpedanceOhms: 1e-300 } }))).toEqual([
      'source.outputImpedanceOhms must be 0 (an ideal source) or from 0.001 to 100000 ohms (got 1e-300)',
    ]);
    // 0 means an ideal source, and 1 mΩ is the smallest real one.
    expect(errorsOf(setup({ source: { ...setup().source, outputImpedanceOhms: 0 } }))).toEqual([]);
    expect(errorsOf(setup({ source: { ...setup().source, outputImpedanceOhms: 0.001 } }))).toEqual([]);
  });

  it('a subnormal current limit, coil inductance or converter delay is refused', () => {
    expect(errorsOf(setup({ source: { ...setup().source, maxOutputCurrentMa: 5e-324 } }))).toEqual([
      'source.maxOutputCurrentMa must be from 0.001 to 100000 mA (got 5e-324)',
    ]);
    expect(errorsOf(setup({ headphones: [{ ...resistiveHeadphone(32), impedance: { network: { reOhms: 32, leMh: 5e-324 } } }] }))).toEqual([
      'headphones[0].impedance.network.leMh must be 0 (none) or from 0.0001 to 10000 mH (got 5e-324)',
    ]);
  });

  it('every preset and every example file is inside the ranges', async () => {
    for (const preset of presets) expect(errorsOf(preset.setup), preset.id).toEqual([]);
    const examples = new URL('../../examples/', import.meta.url);
    const files = [...(await readdir(examples)).filter((f) => f.endsWith('.json')), ...(await readdir(new URL('input/', examples))).map((f) => `input/${f}`)];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const parsed = parseSetupJson(await readFile(new URL(file, examples), 'utf8'));
      expect(parsed.ok ? [] : parsed.errors, file).toEqual([]);
    }
  });

  it('a report never holds NaN or an infinity: a setup that bypassed validation is refused by name', () => {
    // 5e-324 Ω divides to NaN in the response; buildReport says where instead of returning it.
    const bypassed = setup({ headphones: [{ ...resistiveHeadphone(32), impedance: { nominalOhms: 5e-324 } }] });
    expect(() => buildReport(bypassed)).toThrow(NonFiniteReportError);
    expect(() => buildReport(bypassed)).toThrow(/^the model computed NaN for headphones\[0\]\.[a-zA-Z.[\]0-9]+; the setup is outside what the model can compute$/);
  });
});

describe('names', () => {
  const named = (name: string) => setup({ headphones: [{ ...resistiveHeadphone(32), name }] });

  it('refuse control characters, shown escaped in the message: an escape sequence, CR/LF, a C1 CSI, a direction override', () => {
    expect(errorsOf(named('\u001b]0;pwned\u0007HD 600'))).toEqual([
      'headphones[0].name must not contain control characters (line breaks, escape sequences, direction overrides) (got "\\u001b]0;pwned\\u0007HD 600")',
    ]);
    expect(errorsOf(named('HD 600\r\n2  forged row'))[0]).toContain('(got "HD 600\\r\\n2  forged row")');
    expect(errorsOf(named('a\u009b2Jb'))[0]).toContain('(got "a\\u009b2Jb")');
    expect(errorsOf(named('abc\u202edcba'))[0]).toContain('(got "abc\\u202edcba")');
  });

  it('need at least one visible character: zero-width spaces, fillers and joiners alone are refused', () => {
    for (const invisible of ['\u200b', '\u200b\u200d\ufeff', '\u3164', '\u2800\u2800']) {
      const errors = errorsOf(named(invisible));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^headphones\[0\]\.name needs at least one visible character \(got "(\\u[0-9a-f]{4})+"\)$/);
    }
  });

  it('keep everything people really type: accents, quotes, markup, emoji with joiners', () => {
    for (const name of ['Ana’s "HD 600"', '<b>Bo</b>', '👩‍🔬 lab', 'Écouteurs à 32 Ω', 'a\u200bb']) expect(errorsOf(named(name))).toEqual([]);
  });

  it('an unknown field name is shown escaped, so one message stays one line', () => {
    const errors = errorsOf({ ...setup(), 'evil\n\u001b[2J': 1 });
    expect(errors).toEqual(['setup has unknown field "evil\\u000a\\u001b[2J"']);
  });
});
