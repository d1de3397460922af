/**
 * Numbers as the page reads them from the user and writes them back: one reading rule for
 * every typed field, and one writing rule with a true minus sign (U+2212).
 */
import { describe, expect, it } from 'vitest';
import { number } from '../../src/text/format.ts';
import { checkNumber, readNumber } from '../../src/text/typed-number.ts';

describe('a typed number is read with one rule', () => {
  it('a number the page wrote, with its true minus sign, reads back as the same number', () => {
    expect(readNumber(number(-12.5, 1))).toBe(-12.5);
    expect(readNumber(' -6 ')).toBe(-6);
    expect(readNumber('.5')).toBe(0.5);
    expect(readNumber('1e3')).toBe(1000);
  });

  it('text that is not plainly a decimal number is not one, though JavaScript’s Number() would take some of it', () => {
    for (const text of ['', '   ', '0x10', '1,5', 'Infinity', '1k', '--1', '1.2.3']) expect(readNumber(text), text).toBeNull();
  });

  it('a value out of range is refused with the field, the range and what was typed, never clamped', () => {
    expect(checkNumber('Start', '90', { min: 0, max: 60 }, 's')).toEqual({ ok: false, message: 'Start must be a number from 0 to 60 s (got "90")' });
    expect(checkNumber('Start', '', { min: 0, max: 60 }, 's')).toEqual({ ok: false, message: 'Start must be a number from 0 to 60 s (got nothing)' });
    expect(checkNumber('Start', '60', { min: 0, max: 60 }, 's')).toEqual({ ok: true, value: 60 });
  });
});

describe('a number is written with a true minus sign', () => {
  it('a negative tick value gets U+2212, not a hyphen', () => {
    expect(number(-20)).toBe('\u221220');
    expect(number(0.25)).toBe('0.25');
  });

  it('a value that rounds to zero shows no sign: −0.04 to one digit is 0.0', () => {
    expect(number(-0.04, 1)).toBe('0.0');
    expect(number(-0.06, 1)).toBe('\u22120.1');
  });

  it('silence, a level of −Infinity (or NaN from an empty buffer), is −∞', () => {
    expect(number(-Infinity, 1)).toBe('\u2212∞');
    expect(number(Number.NaN, 1)).toBe('\u2212∞');
  });
});
