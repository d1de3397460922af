/**
 * One rule for setup files (src/state/setup-file-text.ts), used by the app's import
 * (readPairFile) and by the CLI (src/cli/load-setup.ts; tests/cli/hostile-files.test.ts
 * runs the same files through the real command).
 */
import { describe, expect, it } from 'vitest';
import { decodeSetupFileText, MAX_SETUP_FILE_BYTES, readSetupFileText } from '../../src/state/setup-file-text.ts';
import { exportPairJson, PAIR_FILE_FORMAT, readPairFile } from '../../src/state/pair-file.ts';
import { defaultPair } from '../../src/state/setup-pair.ts';

const EXPECTED = 'a headroom/setup@1 JSON document';
const json = '{"format": "headroom/setup@1", "name": "Ana’s HD 600"}';
const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (_, i) => text.charCodeAt(i))];
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  units.forEach((unit, i) => view.setUint16(i * 2, unit, littleEndian));
  return bytes;
}

describe('setup files: one rule for the app and the CLI', () => {
  it('reads UTF-8 with and without a byte-order mark, and UTF-16 in both byte orders with or without one', () => {
    const files = [utf8(json), Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(json)]), utf16(json, true, true), utf16(json, false, true), utf16(json, true, false), utf16(json, false, false)];
    for (const bytes of files) expect(decodeSetupFileText(bytes, EXPECTED)).toEqual({ ok: true, value: json });
  });

  it('refuses bytes that are not UTF-8 instead of decoding them to replacement characters', () => {
    expect(decodeSetupFileText(Uint8Array.from([0x7b, 0xff, 0x7d]), EXPECTED)).toEqual({ ok: false, errors: ['file is not valid UTF-8 text; save it as UTF-8'] });
    // A lone surrogate in UTF-16.
    expect(decodeSetupFileText(Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x00, 0xd8, 0x7d, 0x00]), EXPECTED)).toEqual({
      ok: false,
      errors: ['file is not valid UTF-16 (little endian) text; save it as UTF-8'],
    });
  });

  it('refuses an empty or blank file, saying what it expected', () => {
    for (const bytes of [new Uint8Array(0), utf8(' \n\t'), Uint8Array.from([0xef, 0xbb, 0xbf])]) {
      expect(decodeSetupFileText(bytes, EXPECTED)).toEqual({ ok: false, errors: [`file is empty, expected ${EXPECTED}`] });
    }
  });

  it('refuses a file over 2 MB before reading it: read() is never called', async () => {
    let reads = 0;
    const read = async () => {
      reads++;
      return new Uint8Array(0);
    };
    expect(await readSetupFileText(200_000_000, read, EXPECTED)).toEqual({ ok: false, errors: ['file is too large (200000000 bytes; a setup file is at most 2000000 bytes)'] });
    expect(reads).toBe(0);
    expect(decodeSetupFileText(new Uint8Array(MAX_SETUP_FILE_BYTES + 1), EXPECTED)).toEqual({ ok: false, errors: ['file is too large (2000001 bytes; a setup file is at most 2000000 bytes)'] });
  });

  it('the app’s import reads an exported pair saved as UTF-16 with a byte-order mark', async () => {
    const pair = defaultPair();
    const bytes = utf16(exportPairJson(pair), true, true);
    expect(await readPairFile(bytes.length, async () => bytes)).toEqual({ ok: true, value: pair });
  });
});

describe('pair files with hostile contents', () => {
  it('150 000 unknown keys give one short message that lists five and counts the rest', async () => {
    const file: Record<string, unknown> = { format: PAIR_FILE_FORMAT, ...defaultPair() };
    // Short keys and values keep the file under the 2 MB limit (about 1.5 MB).
    for (let i = 0; i < 150_000; i++) file[`k${i.toString(36)}`] = 0;
    const bytes = utf8(JSON.stringify(file));
    const result = await readPairFile(bytes.length, async () => bytes);
    expect(result).toEqual({ ok: false, errors: ['file has unknown fields "k0", "k1", "k2", "k3", "k4" and 149995 more'] });
  });

  it('an unknown key holding an escape sequence is shown escaped', async () => {
    const bytes = utf8(JSON.stringify({ format: PAIR_FILE_FORMAT, ...defaultPair(), '\u001b[2J\r\n': 1 }));
    expect(await readPairFile(bytes.length, async () => bytes)).toEqual({ ok: false, errors: ['file has unknown field "\\u001b[2J\\u000d\\u000a"'] });
  });
});
