/**
 * The numbers behind hearing safety and the sine's typed fields: the calibration law of the
 * acoustic outputs and the refusal (with the range) of values out of range.
 */
import { describe, expect, it } from 'vitest';
import { checkCalibration, checkListeningLevel, simulatedSplDb } from '../../src/ui/app/listening-level.ts';
import { checkSineHz, checkSineLevel } from '../../src/ui/app/source-choice.ts';

describe('simulated SPL from the meters', () => {
  it('a full-scale sine (RMS 1/√2, −3.0103 dBFS) reads exactly the calibration SPL', () => {
    const rmsDbfs = 20 * Math.log10(Math.SQRT1_2);
    expect(simulatedSplDb(rmsDbfs, 120)).toBeCloseTo(120, 10);
  });

  it('every dB of RMS level is one dB of simulated SPL, and the calibration adds as an offset', () => {
    const a = simulatedSplDb(-30, 120);
    expect(simulatedSplDb(-20, 120) - a).toBeCloseTo(10, 12);
    expect(simulatedSplDb(-30, 100) - a).toBeCloseTo(-20, 12);
  });
});

describe('typed levels are refused out of range, never clamped', () => {
  it('a calibration of 150 dB SPL is refused with the range 80 to 140 dB SPL', () => {
    expect(checkCalibration('150')).toEqual({ ok: false, message: 'Calibration must be a number from 80 to 140 dB SPL (got "150")' });
  });

  it('a calibration of 100 dB SPL is accepted as typed', () => {
    expect(checkCalibration(' 100 ')).toEqual({ ok: true, value: 100 });
  });

  it('a listening level above 0 dB is refused: the app only ever attenuates', () => {
    expect(checkListeningLevel('3')).toEqual({ ok: false, message: 'Listening level must be a number from -60 to 0 dB (got "3")' });
  });

  it('an empty or non-numeric sine frequency names the field and the audible range', () => {
    expect(checkSineHz('')).toEqual({ ok: false, message: 'Sine frequency must be a number from 20 to 20000 Hz (got nothing)' });
    expect(checkSineHz('1k')).toEqual({ ok: false, message: 'Sine frequency must be a number from 20 to 20000 Hz (got "1k")' });
  });

  it('a sine level above 0 dBFS is refused: a sine cannot exceed digital full scale', () => {
    expect(checkSineLevel('0.5')).toEqual({ ok: false, message: 'Sine level must be a number from -60 to 0 dBFS (got "0.5")' });
    expect(checkSineLevel('-6')).toEqual({ ok: true, value: -6 });
  });
});
