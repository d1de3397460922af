/**
 * The one rule for setup files, for the app's import and the CLI alike: bytes in, JSON text
 * out, or a message. Pure; the caller reads the bytes (File.arrayBuffer, a bounded stream).
 *
 * - At most MAX_SETUP_FILE_BYTES (2 MB): the largest valid pair (two setups of eight
 *   listeners with 2000-point curves) is under 1 MB. Refused before parsing, and, where the
 *   size is known first (a File, a regular file), before reading.
 * - UTF-8, with or without a byte-order mark; UTF-16 (little or big endian) with its
 *   byte-order mark, or recognised without one from the NUL bytes of its first ASCII
 *   character (RFC 4627 §3). Anything else (invalid UTF-8, a lone surrogate) is refused,
 *   never decoded to replacement characters.
 * - Nothing but whitespace: refused as empty.
 */
import type { ParseResult } from '../model/setup.ts';

export const MAX_SETUP_FILE_BYTES = 2_000_000;

/** "file is too large (…)"; `known` false when reading stopped at the limit (a stream). */
export function fileTooLarge(byteCount: number, known = true): string {
  return `file is too large (${known ? `${byteCount} bytes` : `more than ${MAX_SETUP_FILE_BYTES} bytes`}; a setup file is at most ${MAX_SETUP_FILE_BYTES} bytes)`;
}

function encodingOf(bytes: Uint8Array): { label: 'utf-8' | 'utf-16le' | 'utf-16be'; bomBytes: number } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: 'utf-8', bomBytes: 3 };
  if (a === 0xff && b === 0xfe) return { label: 'utf-16le', bomBytes: 2 };
  if (a === 0xfe && b === 0xff) return { label: 'utf-16be', bomBytes: 2 };
  if (bytes.length >= 2 && a !== 0 && b === 0) return { label: 'utf-16le', bomBytes: 0 };
  if (bytes.length >= 2 && a === 0 && b !== 0) return { label: 'utf-16be', bomBytes: 0 };
  return { label: 'utf-8', bomBytes: 0 };
}

/** The file's text; `expected` ends the "empty" message ("a headroom/setup@1 JSON document"). */
export function decodeSetupFileText(bytes: Uint8Array, expected: string): ParseResult<string> {
  if (bytes.length > MAX_SETUP_FILE_BYTES) return { ok: false, errors: [fileTooLarge(bytes.length)] };
  const { label, bomBytes } = encodingOf(bytes);
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bomBytes));
  } catch {
    const name = label === 'utf-8' ? 'UTF-8' : `UTF-16 (${label === 'utf-16le' ? 'little' : 'big'} endian)`;
    return { ok: false, errors: [`file is not valid ${name} text; save it as UTF-8`] };
  }
  if (text.trim() === '') return { ok: false, errors: [`file is empty, expected ${expected}`] };
  return { ok: true, value: text };
}

/** Checks `size` before `read()` is called, so a huge file is refused without being read. */
export async function readSetupFileText(size: number, read: () => Promise<Uint8Array>, expected: string): Promise<ParseResult<string>> {
  if (size > MAX_SETUP_FILE_BYTES) return { ok: false, errors: [fileTooLarge(size)] };
  return decodeSetupFileText(await read(), expected);
}
