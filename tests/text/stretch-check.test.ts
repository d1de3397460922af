import { describe, expect, it } from 'vitest';
import { checkStretch, MAX_STRETCH_SECONDS } from '../../src/text/stretch-check.ts';

describe('the stretch to render as WAV', () => {
  it('a stretch inside the material is taken as typed, a minus sign and spaces included', () => {
    expect(checkStretch(' 1.5 ', '4', 30)).toEqual({ ok: true, start: 1.5, end: 4 });
    expect(checkStretch('0', '30', 30)).toEqual({ ok: true, start: 0, end: 30 });
  });

  it('a start at or past the end of the material is refused, naming the range and quoting what was typed', () => {
    expect(checkStretch('30', '31', 30)).toEqual({ ok: false, message: 'Start must be a number of seconds from 0 to below 30 (got "30")' });
    expect(checkStretch('\u22121', '3', 30)).toEqual({ ok: false, message: 'Start must be a number of seconds from 0 to below 30 (got "\u22121")' });
    expect(checkStretch('soon', '3', 12.345)).toEqual({ ok: false, message: 'Start must be a number of seconds from 0 to below 12.35 (got "soon")' });
  });

  it(`an end not after the start, past the material, or more than ${MAX_STRETCH_SECONDS} s after the start is refused, never clamped`, () => {
    expect(checkStretch('2', '2', 30)).toEqual({ ok: false, message: 'End must be a number of seconds above 2 and at most 30 (got "2")' });
    expect(checkStretch('2', '31', 30)).toEqual({ ok: false, message: 'End must be a number of seconds above 2 and at most 30 (got "31")' });
    expect(checkStretch('10', '71', 600)).toEqual({ ok: false, message: 'End must be a number of seconds above 10 and at most 70 (got "71")' });
    expect(checkStretch('10', '70', 600)).toEqual({ ok: true, start: 10, end: 70 });
  });

  it('a live input (endless) allows any start, and a minute from it', () => {
    expect(checkStretch('1000', '1060', Infinity)).toEqual({ ok: true, start: 1000, end: 1060 });
  });
});
