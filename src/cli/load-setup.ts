/**
 * Reads and validates a setup file by the rule the app's import uses (src/state/setup-file-text.ts):
 * at most 2 MB, checked before reading a regular file and while reading anything else (a
 * pipe, /dev/stdin, /dev/zero); UTF-8 or UTF-16; then the contract. Every failure becomes
 * one CliError line naming the file.
 */
import { parseSetupJson, type Setup } from '../model/setup.ts';
import { decodeSetupFileText, fileTooLarge, MAX_SETUP_FILE_BYTES } from '../state/setup-file-text.ts';
import { openByteSource } from './byte-source.ts';
import { CliError } from './cli-error.ts';

const EXPECTED = 'a headroom/setup@1 JSON document';

export async function loadSetupFile(path: string): Promise<Setup> {
  const source = await openByteSource(path, 'a setup JSON file');
  let bytes: Uint8Array;
  try {
    if (source.size !== null && source.size > MAX_SETUP_FILE_BYTES) throw new CliError(`${path}: ${fileTooLarge(source.size)}`);
    // One byte past the limit tells a stream that is too long from one that fits.
    bytes = await source.read(MAX_SETUP_FILE_BYTES + 1);
    if (source.size === null && bytes.length > MAX_SETUP_FILE_BYTES) throw new CliError(`${path}: ${fileTooLarge(bytes.length, false)}`);
  } finally {
    await source.close();
  }
  const text = decodeSetupFileText(bytes, EXPECTED);
  if (!text.ok) throw new CliError(`${path}: ${text.errors[0]}`);
  const parsed = parseSetupJson(text.value);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.errors;
    const more = rest.length > 0 ? ` (and ${rest.length} more: ${rest.slice(0, 3).join('; ')}${rest.length > 3 ? '; …' : ''})` : '';
    throw new CliError(`${path}: ${first}${more}`);
  }
  return parsed.value;
}
