/**
 * `headroom curve FILE` as a user runs it (a child process): a measured curve file in, a headphone
 * for a setup out, on stdout; what the import assumed on stderr; bad files as one-line errors.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSetup } from '../../src/model/setup.ts';
import { expectOneLineError, headroom } from '../support/cli.ts';
import { setup } from '../support/setups.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/curves/${name}`, import.meta.url));

describe('headroom curve', () => {
  it('turns a REW export into a headphone that a setup accepts as it is, with --name and --sensitivity', async () => {
    const outcome = await headroom('curve', fixture('rew-three-way-iem.txt'), '--name', 'Three-way IEM', '--sensitivity', '112 dB/V');
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toBe('');
    const headphone = JSON.parse(outcome.stdout) as { name: string; impedance: { curve: number[][] } };
    expect(headphone.name).toBe('Three-way IEM');
    expect(headphone.impedance.curve).toHaveLength(270);
    expect(headphone.impedance.curve[0]).toEqual([10, 10.0029, 0.99]);
    expect(parseSetup({ ...setup(), headphones: [headphone] }).ok).toBe(true);
  });

  it('a magnitude-only file gets the minimum phase, and stderr says so and that the sensitivity is missing', async () => {
    const outcome = await headroom('curve', fixture('magnitude-only.csv'));
    expect(outcome.code).toBe(0);
    const headphone = JSON.parse(outcome.stdout) as { name: string; sensitivity?: unknown };
    expect(headphone.name).toBe('magnitude-only');
    expect(headphone.sensitivity).toBeUndefined();
    const lines = outcome.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/magnitude-only\.csv: the file has no phase: the phase is the minimum phase of \|Z\|/);
    expect(lines[1]).toMatch(/no sensitivity given: add "sensitivity"/);
  });

  it('bad input is one line naming the problem: a missing file, a bad row, a bad sensitivity', async () => {
    expectOneLineError(await headroom('curve', 'no-such-curve.txt'), /^headroom: no-such-curve\.txt: no such file$/);
    expectOneLineError(await headroom('curve', fixture('README.md')), /README\.md: no rows of numbers found: expected lines of "frequency \(Hz\), \|Z\| \(Ω\)\[, phase \(°\)\]"$/);
    expectOneLineError(await headroom('curve', fixture('dats-planar.zma'), '--sensitivity', 'loud'), /^headroom: --sensitivity must be a number and a unit, e\.g\. "110 dB\/V" or "97 dB\/mW" \(got "loud"\)$/);
    expectOneLineError(await headroom('curve', fixture('dats-planar.zma'), '--sensitivity', '200 dB/V'), /^headroom: --sensitivity must be ≥ 60 and ≤ 150 dB\/V \(got 200\)$/);
    expectOneLineError(await headroom('curve'), /^headroom: curve needs exactly one curve file/);
  });
});
