/**
 * The typed hearing-safety values and the sine's fields: refused out of range with the range
 * in the message, accepted as typed inside it.
 */
import { describe, expect, it } from 'vitest';
import { CALIBRATION_RANGE, LISTENING_LEVEL_RANGE, checkCalibration, checkListeningLevel, checkSineHz, checkSineLevel } from '../../src/audio/engine/typed-checks.ts';

describe('typed levels are refused out of range, never clamped', () => {
  it('a calibration of 170 dB SPL is refused with the engine range of 60 to 160 dB SPL', () => {
    expect(CALIBRATION_RANGE).toMatchObject({ min: 60, max: 160, initial: 120 });
    expect(checkCalibration('170')).toEqual({ ok: false, message: 'Calibration must be a number from 60 to 160 dB SPL (got "170")' });
  });

  it('a calibration of 100 dB SPL is accepted as typed', () => {
    expect(checkCalibration(' 100 ')).toEqual({ ok: true, value: 100 });
  });

  it('a listening level above 0 dB is refused: the app only ever attenuates', () => {
    expect(LISTENING_LEVEL_RANGE).toMatchObject({ min: -80, max: 0, initial: -24 });
    expect(checkListeningLevel('3')).toEqual({ ok: false, message: 'Listening level must be a number from -80 to 0 dB (got "3")' });
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
