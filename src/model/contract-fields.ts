/**
 * The field kinds of the setup contract (../setup.ts and ./input/contract.ts): physical
 * quantities with the range each may take, and the names people give their gear.
 *
 * Every number in a setup is a physical quantity with a range that spans all real gear by
 * a wide margin (docs/model.md, "Allowed ranges"). The lower ends matter as much as the
 * upper ones: an impedance of 5e-324 Ω (a subnormal double) or 1e-300 Ω passes a "> 0"
 * check and then reaches logarithms, divisions and plot loops that it breaks (a report
 * of 3230 dB SPL, a tab frozen by a tick loop that never advances). So a quantity is 0 only
 * where 0 means something ("an ideal source", "none") and otherwise at least a small,
 * still physical value (1 mΩ for impedances). The message states the whole range:
 *
 *   headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got 5e-324)
 *
 * Names are printed by the CLI and shown by the app: they may not hold control characters
 * (an escape sequence would drive the terminal, a line break forge a table row) and need at
 * least one visible character.
 */
import { z } from 'zod';

export interface QuantityRange {
  min: number;
  max: number;
  /** For messages: "ohms", "V", "dB", … */
  unit: string;
  /** When set, 0 is allowed too, and means this (e.g. "an ideal source"). */
  zero?: string;
  /** The bounds themselves are not allowed (a phase strictly inside ±90°). */
  exclusive?: boolean;
  /** Whole numbers only (buffer sizes and counts). */
  integer?: boolean;
}

/** Every quantity schema and its range: tests draw values from it (tests/support/setup-arbitrary.ts). */
export const quantityRanges = z.registry<QuantityRange>();

/** "from 0.001 to 100000 ohms", "0 (an ideal source) or from 0.001 to 100000 ohms". */
export function describeRange(range: QuantityRange): string {
  const span = range.exclusive ? `between ${range.min} and ${range.max} ${range.unit}, exclusive` : `from ${range.min} to ${range.max} ${range.unit}`;
  const kind = range.integer ? 'a whole number ' : '';
  return range.zero === undefined ? `${kind}${span}` : `0 (${range.zero}) or ${kind}${span}`;
}

export function inRange(value: number, range: QuantityRange): boolean {
  if (!Number.isFinite(value)) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  if (range.zero !== undefined && value === 0) return true;
  return range.exclusive ? value > range.min && value < range.max : value >= range.min && value <= range.max;
}

/** A number field with its physical range; anything else is refused with the range in the message. */
export function quantity(range: QuantityRange) {
  const message = `must be ${describeRange(range)}`;
  const schema = z.number().superRefine((value, ctx) => {
    if (!inRange(value, range)) ctx.addIssue({ code: 'custom', message, input: value });
  });
  quantityRanges.add(schema, range);
  return schema;
}

/**
 * Characters that act on a terminal or on the order of text instead of showing: C0 and C1
 * controls (ESC, CR, LF, BEL, CSI …), DEL, the line and paragraph separators and the
 * bidirectional overrides and isolates (which can make a line read differently from what it holds).
 */
const TERMINAL_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const TERMINAL_CONTROLS = new RegExp(TERMINAL_CONTROL.source, 'gu');
/** What shows nothing on screen: spaces, controls, format characters (zero-width space, joiners), fillers, variation selectors, the braille blank. */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}\u2800]/gu;

const escapeCharacter = (ch: string): string => {
  const code = ch.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * Text safe to print: every terminal control character written as a `\uXXXX` escape.
 * `keepNewlines` leaves "\n" alone (a multi-line report); an error line escapes it too, so
 * one error stays one line. Inside a JSON string the escape means the same character, so
 * JSON output stays valid and equal.
 */
export function escapeTerminalControls(text: string, keepNewlines = false): string {
  return text.replace(TERMINAL_CONTROLS, (ch) => (keepNewlines && ch === '\n' ? ch : escapeCharacter(ch)));
}

/** Text for a message that shows a user's string: controls and invisible characters escaped, so "" and "\u200b" differ. */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch) => (ch === ' ' ? ch : escapeCharacter(ch)));
}

export const NAME_MAX_CHARACTERS = 80;

/** A name for a piece of gear: 1–80 characters after trimming, no control characters, something visible. */
export const displayName = z
  .string()
  .trim()
  .min(1)
  .max(NAME_MAX_CHARACTERS)
  .superRefine((text, ctx) => {
    if (TERMINAL_CONTROL.test(text)) {
      ctx.addIssue({ code: 'custom', message: 'must not contain control characters (line breaks, escape sequences, direction overrides)', input: text });
    } else if (text.replace(INVISIBLE, '') === '') {
      ctx.addIssue({ code: 'custom', message: 'needs at least one visible character', input: text });
    }
  });
