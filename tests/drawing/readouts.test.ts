/**
 * The level meter's scale and words (src/drawing/level-meter.ts) and the analysers' status
 * lines (src/drawing/analyser-readouts.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyserHz, scopeStatus, spectrumStatus } from '../../src/drawing/analyser-readouts.ts';
import { barFraction, levelText, levelZone, meterValue } from '../../src/drawing/level-meter.ts';

describe('level meter', () => {
  it('the bar is linear in dB over −60…0 dBFS: −30 fills half, silence and anything under −60 nothing, over 0 all', () => {
    expect(barFraction(-30)).toBe(0.5);
    expect(barFraction(-6)).toBe(0.9);
    expect([barFraction(-Infinity), barFraction(-75), barFraction(Number.NaN)]).toEqual([0, 0, 0]);
    expect(barFraction(3)).toBe(1);
  });

  it('the bar turns hot from −6 dBFS and over from −0.1 dBFS, or whenever the clip light is lit', () => {
    expect([levelZone(-6.1, false), levelZone(-6, false), levelZone(-0.1, false)]).toEqual(['safe', 'hot', 'over']);
    expect(levelZone(-40, true)).toBe('over');
  });

  it('screen readers hear the peak clamped to the scale, to 0.1 dB, and both levels in words', () => {
    expect(meterValue(-12.34, -18, false)).toEqual({ now: -12.3, text: '−12.3\u202fdBFS peak, −18.0\u202fdBFS RMS' });
    expect(meterValue(2, -1, true)).toMatchObject({ now: 0, text: expect.stringMatching(/, clipping$/) });
    expect(meterValue(-Infinity, -Infinity, false)).toEqual({ now: -60, text: '−∞ dBFS peak, −∞ dBFS RMS' });
    expect(levelText(-Infinity)).toBe('−∞ dBFS');
  });
});

describe('analyser status lines', () => {
  it('the scope says whether it triggered and the frame’s peak in dBFS (0.5 of full scale is −6.0 dBFS)', () => {
    expect(scopeStatus(true, 0.5)).toBe('Triggered · peak −6.0 dBFS');
    expect(scopeStatus(false, 0)).toMatch(/^Free running · peak /);
  });

  it('frequencies under 1 kHz are whole hertz, with a plain space before the unit', () => {
    expect(analyserHz(439.6)).toBe('440 Hz');
  });

  it('the spectrum names its peak and at most three significant harmonics, the strongest, in harmonic order', () => {
    const harmonic = (n: number, db: number, significant = true) => ({ n, db, dbc: db + 10, significant });
    const line = spectrumStatus({ hz: 1000 }, [harmonic(2, -90, false), harmonic(3, -20), harmonic(5, -30), harmonic(7, -60), harmonic(9, -40)]);
    expect(line).toBe(`Peak ${analyserHz(1000)} · H3 −10 dBc, H5 −20 dBc, H9 −30 dBc`);
    expect(spectrumStatus({ hz: 1000 }, [])).toBe(`Peak ${analyserHz(1000)}`);
  });
});
