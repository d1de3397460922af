/**
 * Reading a number the user typed: one rule for every field outside the setup editor's
 * schema-checked drafts. Leading and trailing spaces are ignored and a true minus sign (−,
 * as the page writes numbers) reads as "-"; anything that is not plainly a decimal number
 * (blank, "0x10", "1,5", "Infinity") is not one. A value out of range is refused with the
 * range and what was typed in the message, never clamped.
 */

export type NumberCheck = { ok: true; value: number } | { ok: false; message: string };

/** The number typed, or null when the text is not one. */
export function readNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : null;
}

/** `field must be a number from min to max unit (got "…")` unless the text is a number in the range. */
export function checkNumber(field: string, text: string, range: { min: number; max: number }, unit: string): NumberCheck {
  const value = readNumber(text);
  if (value === null || value < range.min || value > range.max) {
    const trimmed = text.trim();
    return { ok: false, message: `${field} must be a number from ${range.min} to ${range.max} ${unit} (got ${trimmed === '' ? 'nothing' : JSON.stringify(trimmed)})` };
  }
  return { ok: true, value };
}
