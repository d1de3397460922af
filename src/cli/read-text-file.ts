/**
 * A text file read by the rule the app's import uses (src/state/setup-file-text.ts): at most
 * 2 MB, checked before reading a regular file and while reading anything else (a pipe,
 * /dev/stdin, /dev/zero); UTF-8 or UTF-16. Every failure becomes one CliError line naming the file.
 */
import { decodeSetupFileText, fileTooLarge, MAX_SETUP_FILE_BYTES } from '../state/setup-file-text.ts';
import { openByteSource } from './byte-source.ts';
import { CliError } from './cli-error.ts';

/** `expected` names what the file should be, for the messages ("a headroom/setup@1 JSON document"). */
export async function readTextFile(path: string, expected: string): Promise<string> {
  const source = await openByteSource(path, expected);
  let bytes: Uint8Array;
  try {
    if (source.size !== null && source.size > MAX_SETUP_FILE_BYTES) throw new CliError(`${path}: ${fileTooLarge(source.size)}`);
    // One byte past the limit tells a stream that is too long from one that fits.
    bytes = await source.read(MAX_SETUP_FILE_BYTES + 1);
    if (source.size === null && bytes.length > MAX_SETUP_FILE_BYTES) throw new CliError(`${path}: ${fileTooLarge(bytes.length, false)}`);
  } finally {
    await source.close();
  }
  const text = decodeSetupFileText(bytes, expected);
  if (!text.ok) throw new CliError(`${path}: ${text.errors[0]}`);
  return text.value;
}
