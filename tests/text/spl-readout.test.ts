import { describe, expect, it } from 'vitest';
import { READOUT_MS, SplReadout, WARNING_HOLD_MS } from '../../src/text/spl-readout.ts';

describe('the simulated level readout', () => {
  it('shows the first reading at once, then the loudest reading of each readout period, to 0.1 dB', () => {
    const readout = new SplReadout(85);
    readout.read(70.04, 0);
    expect(readout.shown).toBe(70);
    readout.read(74.26, 100);
    readout.read(72, 200);
    expect(readout.shown).toBe(70);
    readout.read(71, READOUT_MS);
    expect(readout.shown).toBe(74.3);
  });

  it('shows nothing while nothing is heard (no reading, or silence at −∞)', () => {
    const readout = new SplReadout(85);
    readout.read(70, 0);
    readout.read(-Infinity, 10);
    expect(readout.shown).toBeNull();
    readout.read(90, 20);
    readout.read(undefined, 30);
    expect(readout).toMatchObject({ shown: null, loudLately: false });
  });

  it('warns from the first reading above the safe level (not at it) and holds the warning after the last one', () => {
    const readout = new SplReadout(85);
    readout.read(85, 0);
    expect(readout.loudLately).toBe(false);
    readout.read(85.1, 100);
    expect(readout.loudLately).toBe(true);
    readout.read(80, 100 + WARNING_HOLD_MS - 1);
    expect(readout.loudLately).toBe(true);
    readout.read(80, 100 + WARNING_HOLD_MS);
    expect(readout.loudLately).toBe(false);
  });

  it('after a reset (another listener heard) the next level shows at once and the held warning is gone', () => {
    const readout = new SplReadout(85);
    readout.read(95, 0);
    readout.reset();
    readout.read(60, 10);
    expect(readout).toMatchObject({ shown: 60, loudLately: false });
  });
});
