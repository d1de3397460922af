/**
 * `headroom report` and the model's advice: the table's verdict and reasons per listener,
 * `--target-spl`, `--json`'s headroom/report@3 with `headphones[i].advice`, and
 * `--report-format` for old readers. Expected numbers are closed forms written here.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, headroom } from '../support/cli.ts';
import { resistiveHeadphone, setup, source } from '../support/setups.ts';

let dir: string;
// 0 Ω source, 100 dB/V headphones: full scale plays 100 + 20·log10(V) dB SPL, here 104 dB SPL.
const fullScaleVrms = 10 ** (4 / 20);
const twoListeners = setup({
  source: source({ name: 'Weak DAC', maxOutputVrms: fullScaleVrms }),
  splitter: { cableResistanceOhms: 0 },
  headphones: [resistiveHeadphone(32, 'Left'), resistiveHeadphone(300, 'Right')],
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'headroom-advice-'));
  await writeFile(join(dir, 'two.json'), JSON.stringify(twoListeners));
});

describe('headroom report: advice', () => {
  it('--json gives headroom/report@3 with advice for every listener: 6 dB short of voltage for 110 dB SPL, fine for 100', async () => {
    const outcome = await headroom('report', join(dir, 'two.json'), '--json');
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout);
    expect(report.format).toBe('headroom/report@3');
    expect(report.headphones).toHaveLength(2);
    for (const listener of report.headphones) {
      expect(listener.advice).toMatchObject({ targetSplDb: 110, verdict: 'improve' });
      expect(listener.advice.reasons[0].kind).toBe('voltage');
      expect(listener.advice.reasons[0].shortfallDb).toBeCloseTo(110 - 104, 9);
    }
    const relaxed = JSON.parse((await headroom('report', join(dir, 'two.json'), '--json', '--target-spl', '100')).stdout);
    expect(relaxed.headphones.map((h: { advice: { verdict: string } }) => h.advice.verdict)).toEqual(['fine', 'fine']);
  }, 20_000);

  it('the table shows each listener\u2019s verdict and the model\u2019s sentences', async () => {
    const outcome = await headroom('report', join(dir, 'two.json'), '--target-spl', '107.5');
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('1 '))).toMatch(/\s+improve$/);
    const advice = lines.slice(lines.indexOf('Advice for 107.5 dB SPL peaks:'));
    expect(advice[1]).toBe('  1 Left: improve');
    // 10^(4/20) = 1.585 V at full scale; 10^(7.5/20) = 2.371 V for 107.5 dB SPL, rounded up; 32 ‖ 300 = 28.9 Ω.
    const parallelOhms = (32 * 300) / (32 + 300);
    expect(parallelOhms.toPrecision(3)).toBe('28.9');
    expect(advice[2]).toBe('    - 3.5\u202fdB short of voltage for 107.5\u202fdB SPL peaks: the Weak DAC gives at most 1.58\u202fV at full scale; an amp giving ≥ 2.38\u202fV into 28.9\u202fΩ (2 listeners in parallel) fixes it.');
    expect(advice[3]).toBe('  2 Right: improve');
  }, 20_000);

  it('--report-format headroom/report@1 prints the old document, without advice', async () => {
    const report = JSON.parse((await headroom('report', join(dir, 'two.json'), '--json', '--report-format', 'headroom/report@1')).stdout);
    expect(report.format).toBe('headroom/report@1');
    expect(report.headphones[0]).not.toHaveProperty('advice');
  }, 20_000);

  it('a bad --target-spl or --report-format is one line that names the option and what it allows', async () => {
    for (const bad of ['loud', '59', '131', '', '1e9', 'NaN']) {
      expectOneLineError(await headroom('report', join(dir, 'two.json'), '--target-spl', bad), new RegExp(`^headroom: --target-spl must be a number of dB SPL from 60 to 130 \\(got ${JSON.stringify(bad).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`));
    }
    expectOneLineError(await headroom('report', join(dir, 'two.json'), '--json', '--report-format', 'v9'), /^headroom: --report-format must be one of headroom\/report@1, headroom\/report@2, headroom\/report@3 \(got "v9"\)$/);
    expectOneLineError(await headroom('report', join(dir, 'two.json'), '--report-format', 'headroom/report@1'), /^headroom: --report-format chooses the JSON document: add --json$/);
    expectOneLineError(
      await headroom('report', join(dir, 'two.json'), '--json', '--report-format', 'headroom/report@2'),
      /^headroom: --report-format: headroom\/report@2 is the report of a setup with an input section, and this setup has none: use headroom\/report@1 or headroom\/report@3$/,
    );
  }, 60_000);
});
