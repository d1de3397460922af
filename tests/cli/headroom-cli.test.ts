import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import type { InputReport } from '../../src/model/report-contract.ts';
import { buildReport, reportInFormat } from '../../src/model/report.ts';
import { parseSetupJson, type Setup } from '../../src/model/setup.ts';
import { expectOneLineError, headroom } from '../support/cli.ts';
import { db, resistiveHeadphone, setup, source } from '../support/setups.ts';

let dir: string;
const splitterSetup = setup({
  signal: { levelDbfs: -10 },
  source: source({ name: 'Laptop', outputImpedanceOhms: 100 }),
  splitter: { cableResistanceOhms: 0 },
  headphones: [resistiveHeadphone(32, 'Left listener'), resistiveHeadphone(32, 'Right listener')],
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'headroom-cli-'));
  await writeFile(join(dir, 'splitter.json'), JSON.stringify(splitterSetup));
  await writeFile(join(dir, 'plain.json'), JSON.stringify(setup()));
  await writeFile(join(dir, 'broken.json'), '{"format": "headroom/setup@1", ');
  await writeFile(join(dir, 'empty.json'), '');
  await writeFile(join(dir, 'invalid.json'), JSON.stringify(setup({ headphones: [{ ...resistiveHeadphone(32), impedance: { nominalOhms: -32 } }] })));
  await mkdir(join(dir, 'folder.json'));
});

describe('headroom report', () => {
  it('--json --report-format headroom/report@1 prints the @1 document: a second 32 Ω listener on a 100 Ω source shows −4.90 dB', async () => {
    const outcome = await headroom('report', join(dir, 'splitter.json'), '--json', '--report-format', 'headroom/report@1');
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout);
    expect(report.format).toBe('headroom/report@1');
    expect(report.headphones[0].levelChangeDb).toBeCloseTo(db(16 / 116 / (32 / 132)), 9);
    // The CLI adds nothing and loses nothing: full double precision survives JSON.
    const v1 = reportInFormat(buildReport(splitterSetup), 'headroom/report@1');
    expect(v1.ok && report).toEqual(JSON.parse(JSON.stringify(v1.ok ? v1.value : null)));
  }, 20_000);

  it('--json agrees with an independent circuit simulator: ngspice\u2019s splitter with unequal loads within 1e-7 relative', async () => {
    const fixtures = new URL('../fixtures/ngspice/', import.meta.url);
    const recorded = JSON.parse(await readFile(new URL('splitter-unequal.ac.json', fixtures), 'utf8')) as {
      at1kHz: { headphones: { re: number; im: number }[] };
    };
    const outcome = await headroom('report', fileURLToPath(new URL('splitter-unequal.setup.json', fixtures)), '--json');
    const report = JSON.parse(outcome.stdout) as { headphones: { loadVoltageVrms: number }[] };
    // ngspice prints 16 significant digits; see tests/model/ngspice.test.ts for the tolerance.
    recorded.at1kHz.headphones.forEach((spice, i) => {
      expect(Math.abs(report.headphones[i]!.loadVoltageVrms / Math.hypot(spice.re, spice.im) - 1)).toBeLessThan(1e-7);
    });
  }, 20_000);

  it('prints a readable table with every figure per listener and the clipping point', async () => {
    const outcome = await headroom('report', join(dir, 'plain.json'));
    expect(outcome.code).toBe(0);
    // 1 V from 0 Ω into 32 Ω at 0 dBFS: 1.00 V, 31.25 mW, a 100 dB/V headphone plays 100.0 dB.
    const row = outcome.stdout.split('\n').find((line) => line.startsWith('1 '));
    expect(row).toMatch(/32 ohm\s+1\.00 V\s+31\.3 mW\s+100\.0 dB\s+\+0\.00 dB\s+100\.0 dB\s+\+0\.0 dB\s+flat\s+-\s+improve$/);
    for (const column of ['Listener', 'Voltage', 'Power', 'SPL', 'vs alone', 'Max clean SPL', 'Headroom', 'Response']) {
      expect(outcome.stdout).toContain(column);
    }
    expect(outcome.stdout).toContain('Clipping: none up to 0 dBFS at this volume');
  }, 20_000);

  it('the table shows hiss and crosstalk per listener only when the report has them, and the JSON keeps its contract', async () => {
    // 16 Ω in-ear on a 2 Ω jack with 0.05 + 0.1 Ω of shared return: −R_g/(Z + Z_s + R_g) = −41.7 dB;
    // 50 µV(A) of hiss into 100 dB/V, each channel's own through the side divider 16/18 and the other's
    // through the mid divider 16/18.3: 100 + 10·log10(V²·((16/18)² + (16/18.3)²)/2) dB SPL(A) (docs/model.md 14.3, 14.4).
    const gear = setup({
      format: 'headroom/setup@3',
      source: source({ outputImpedanceOhms: 2, groundResistanceOhms: 0.05, noise: { uVrms: 50, weighting: 'A' } }),
      headphones: [{ ...resistiveHeadphone(16), groundResistanceOhms: 0.1 }],
    });
    await writeFile(join(dir, 'gear.json'), JSON.stringify(gear));
    const outcome = await headroom('report', join(dir, 'gear.json'));
    expect(outcome.code).toBe(0);
    const hiss = 100 + 10 * Math.log10((50e-6 ** 2 * ((16 / 18) ** 2 + (16 / 18.3) ** 2)) / 2);
    const row = outcome.stdout.split('\n').filter((line) => line.startsWith('1 '))[1];
    expect(outcome.stdout).toMatch(/#\s+Listener\s+Hiss\s+Heard in quiet\s+re threshold\s+Crosstalk 1 kHz\s+Shared return/);
    expect(row).toMatch(new RegExp(`^1\\s+16 ohm\\s+${hiss.toFixed(1)} dB\\(A\\)\\s+yes\\s+\\+\\d+\\.\\d dB\\s+${db(0.15 / 18.15).toFixed(1)} dB\\s+-0\\.\\d\\d dB$`));
    // The plain setup has none of these: no second table.
    const plain = await headroom('report', join(dir, 'plain.json'));
    expect(plain.stdout).not.toContain('Your gear');
    const json = JSON.parse((await headroom('report', join(dir, 'gear.json'), '--json')).stdout) as { format: string; headphones: { hissDbSplA: number }[] };
    expect(json.format).toBe('headroom/report@3');
    expect(json.headphones[0]!.hissDbSplA).toBeCloseTo(buildReport(gear).headphones[0]!.hissDbSplA!, 9);
  }, 20_000);

  it('shows the response deviation with the frequencies of its extremes', async () => {
    // 220 µF into 16 Ω from 0 Ω: −7.4 dB at 20 Hz (see tests/model/circuit-laws for the corner law).
    await writeFile(join(dir, 'cap.json'), JSON.stringify(setup({ source: source({ couplingCapacitorUf: 220 }), headphones: [resistiveHeadphone(16)] })));
    const report = buildReport(setup({ source: source({ couplingCapacitorUf: 220 }), headphones: [resistiveHeadphone(16)] })).headphones[0]!;
    const outcome = await headroom('report', join(dir, 'cap.json'));
    expect(outcome.stdout).toContain(`${report.responseDeviationDb.min.toFixed(2)}..+${report.responseDeviationDb.max.toFixed(2)} dB  20.0 Hz / 20.0 kHz`);
    expect(report.responseDeviationDb.min).toBeCloseTo(db(16 / Math.hypot(16, 1 / (2 * Math.PI * 20 * 220e-6))) - db(16 / Math.hypot(16, 1 / (2 * Math.PI * 1000 * 220e-6))), 9);
  }, 20_000);

  it('names the limiting stage and level when a chain clips', async () => {
    await writeFile(join(dir, 'clips.json'), JSON.stringify(setup({ source: source({ maxOutputCurrentMa: 40 }), headphones: [resistiveHeadphone(16)] })));
    const outcome = await headroom('report', join(dir, 'clips.json'));
    // √2 · 1 V / 16 Ω = 88.4 mA peak at 0 dBFS; 40 mA is reached at 20·log10(40/88.4) = −6.89 dBFS.
    expect(outcome.stdout).toContain(`Clipping: source current limit reached at ${db(0.04 / (Math.SQRT2 / 16)).toFixed(2)} dBFS`);
  }, 20_000);

  it('--preset reports a built-in preset with its title and story', async () => {
    const preset = presets[0]!;
    const outcome = await headroom('report', '--preset', preset.id);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(preset.title);
    expect(outcome.stdout).toContain(preset.story);
    for (const hp of preset.setup.headphones) expect(outcome.stdout).toContain(hp.name);
  }, 20_000);

  it('every preset reports without error as JSON', async () => {
    for (const preset of presets) {
      const outcome = await headroom('report', '--preset', preset.id, '--json');
      expect(outcome.code).toBe(0);
      expect(JSON.parse(outcome.stdout).headphones).toHaveLength(preset.setup.headphones.length);
    }
  }, 60_000);
});

describe('headroom presets and help', () => {
  it('presets lists every preset id with its title', async () => {
    const outcome = await headroom('presets');
    expect(outcome.code).toBe(0);
    for (const preset of presets) expect(outcome.stdout).toContain(preset.id);
    const json = JSON.parse((await headroom('presets', '--json')).stdout);
    expect(json.map((p: { id: string }) => p.id)).toEqual(presets.map((p) => p.id));
  }, 20_000);

  it('--help and no arguments print the usage and exit 0', async () => {
    for (const args of [['--help'], []]) {
      const outcome = await headroom(...args);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toContain('headroom report <setup.json> [--json]');
      expect(outcome.stdout).toContain('headroom presets');
    }
  }, 20_000);
});

describe('bad input exits 2 with one clear line', () => {
  it('a missing file', async () => {
    expectOneLineError(await headroom('report', join(dir, 'nope.json')), /nope\.json: no such file$/);
  }, 20_000);

  it('a file that is not JSON', async () => {
    expectOneLineError(await headroom('report', join(dir, 'broken.json')), /broken\.json: setup is not valid JSON: /);
  }, 20_000);

  it('an empty file', async () => {
    expectOneLineError(await headroom('report', join(dir, 'empty.json')), /empty\.json: file is empty, expected a headroom\/setup@1 JSON document$/);
  }, 20_000);

  it('a directory instead of a file', async () => {
    expectOneLineError(await headroom('report', join(dir, 'folder.json')), /folder\.json: is a directory/);
  }, 20_000);

  it('an invalid setup, naming the field, the value and the range', async () => {
    expectOneLineError(await headroom('report', join(dir, 'invalid.json')), /invalid\.json: headphones\[0\]\.impedance\.nominalOhms must be from 0\.001 to 100000 ohms \(got -32\)$/);
  }, 20_000);

  it('an unknown preset lists the valid ones', async () => {
    expectOneLineError(await headroom('report', '--preset', 'nope'), new RegExp(`unknown preset "nope"; choose one of: ${presets[0]!.id}`));
  }, 20_000);

  it('an unknown command, an unknown flag, a missing file argument, and a file together with --preset', async () => {
    expectOneLineError(await headroom('frobnicate'), /unknown command "frobnicate"/);
    expectOneLineError(await headroom('report', join(dir, 'plain.json'), '--loud'), /Unknown option '--loud'/);
    expectOneLineError(await headroom('report'), /report needs exactly one setup file/);
    expectOneLineError(await headroom('report', join(dir, 'plain.json'), '--preset', presets[0]!.id), /either a setup file or --preset, not both/);
  }, 30_000);
});

describe('headroom report: the input side (headroom/setup@2)', () => {
  const example = (id: string): string => fileURLToPath(new URL(`../../examples/input/${id}.json`, import.meta.url));

  it('--json --report-format headroom/report@2 prints @2: the @1 figures plus the input section, exactly as the model computes it', async () => {
    const outcome = await headroom('report', example('strat-into-hi-z'), '--json', '--report-format', 'headroom/report@2');
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout);
    expect(report.format).toBe('headroom/report@2');
    const parsed = parseSetupJson(await readFile(example('strat-into-hi-z'), 'utf8'));
    expect(parsed.ok).toBe(true);
    const v2 = reportInFormat(buildReport((parsed as { value: Setup }).value), 'headroom/report@2');
    expect(report).toEqual(JSON.parse(JSON.stringify(v2.ok ? v2.value : null)));
    // 2.4 H, 400 pF, 111 kΩ: the resonance at 4.46 kHz, +3.07 dB (tests/model/input/pickup.test.ts).
    expect(report.input.instrument.resonanceHz).toBeCloseTo(4458.8, 1);
  }, 20_000);

  it('the table shows hi-Z against a line input: a resonance peak versus none and a 1 kHz corner', async () => {
    const hiZ = await headroom('report', example('strat-into-hi-z'));
    expect(hiZ.code).toBe(0);
    expect(hiZ.stdout).toContain('Input side (48.0 kHz)');
    expect(hiZ.stdout).toContain('Instrument: Stratocaster single coil into 1.00 Mohm (load 111 kohm, 400 pF across the pickup)');
    expect(hiZ.stdout).toMatch(/-0\.49 dB\s+4\.46 kHz\s+\+3\.07 dB\s+7\.36 kHz/);
    const line = await headroom('report', example('strat-into-line-input'));
    expect(line.stdout).toContain('into 10.0 kohm');
    expect(line.stdout).toMatch(/-4\.62 dB\s+none \(damped\)\s+-\s+1\.06 kHz/);
  }, 20_000);

  it('the table shows the mic channel’s noise floor, dynamic range, clipping SPL and the latency', async () => {
    const outcome = await headroom('report', example('sm58-vocal-128-samples'));
    expect(outcome.code).toBe(0);
    const report = buildReport((parseSetupJson(await readFile(example('sm58-vocal-128-samples'), 'utf8')) as { value: Setup }).value);
    const mic = (report as { input: InputReport }).input.microphone!;
    expect(outcome.stdout).toContain(`${mic.noiseFloorDbfs.toFixed(1)} dBFS`);
    expect(outcome.stdout).toContain(`${mic.dynamicRangeDb.toFixed(1)} dB`);
    expect(outcome.stdout).toContain(`${mic.clipSplDb!.toFixed(1)} dB SPL`);
    expect(outcome.stdout).toMatch(/preamp/);
    // (1 + 1) · 128 / 48 kHz + 1.2 ms = 6.53 ms, 313.6 samples.
    expect(outcome.stdout).toContain('Latency: round trip 6.53 ms (313.6 samples: buffers of 2.67 ms, converters 1.20 ms)');
    expect(outcome.stdout).toContain('Monitoring (computer): 6.53 ms (313.6 samples); mixed with the direct sound, the first comb-filter notch is at 76.5 Hz');
  }, 20_000);

  it('a condenser without phantom power: NO SIGNAL, and no clipping SPL', async () => {
    const outcome = await headroom('report', example('u87-without-phantom'));
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('Microphone: Neumann U 87 Ai: NO SIGNAL (a condenser needs phantom power)');
    const json = JSON.parse((await headroom('report', example('u87-without-phantom'), '--json')).stdout);
    expect(json.input.microphone.hasSignal).toBe(false);
    expect(json.input.microphone.clipSplDb).toBeNull();
  }, 20_000);

  it('an invalid input value exits 2 naming the field, the value and the range', async () => {
    const bad = JSON.parse(await readFile(example('strat-into-hi-z'), 'utf8'));
    bad.input.instrument.pickup.inductanceH = -1;
    await writeFile(join(dir, 'bad-input.json'), JSON.stringify(bad));
    expectOneLineError(await headroom('report', join(dir, 'bad-input.json')), /bad-input\.json: input\.instrument\.pickup\.inductanceH must be from 0\.0001 to 100 H \(got -1\)$/);
    const v1 = { ...bad, format: 'headroom/setup@1' };
    v1.input.instrument.pickup.inductanceH = 2.4;
    await writeFile(join(dir, 'v1-input.json'), JSON.stringify(v1));
    expectOneLineError(await headroom('report', join(dir, 'v1-input.json')), /v1-input\.json: input needs format "headroom\/setup@2" \(got "headroom\/setup@1"\)/);
  }, 20_000);
});
