/**
 * Reads a WAV file into float channels (full scale = ±1). wavefile finds the chunks; the
 * encoding is decided here from the fmt chunk's format tag (PCM, IEEE float, or EXTENSIBLE
 * with one of those sub-formats), never from the bit depth alone, and the samples are read
 * straight from the data chunk. Accepts integer PCM of 8 to 32 bits and 32/64-bit float,
 * mono or stereo, 8–384 kHz. Everything else, and any damaged file, becomes one CliError
 * line that says what was found:
 *
 *  - empty, cut short (the data chunk declares more bytes than the file holds, which also
 *    catches a header that claims hours of audio), no data chunk, not RIFF/WAVE;
 *  - a compressed or unknown encoding (µ-law, ADPCM, MP3 in WAV, 16-bit float, …);
 *  - other channel counts or rates; no whole frame of samples;
 *  - a NaN or infinite float sample: refused with its channel, frame and time. Replacing it
 *    would render something the file does not hold; the processors would silence its
 *    block, so the output would differ from the input without a word.
 */
import { readFile } from 'node:fs/promises';
import wavefile from 'wavefile';
import { CliError } from './cli-error.ts';

export interface DecodedAudio {
  sampleRateHz: number;
  /** One array per channel in the file (1 or 2), full scale = ±1. */
  channels: Float32Array[];
  /** What the file held, for messages and the summary, e.g. "24-bit integer". */
  format: string;
}

export const MIN_SAMPLE_RATE_HZ = 8000;
export const MAX_SAMPLE_RATE_HZ = 384_000;

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** Names of a few encodings users meet, for the refusal message. */
const KNOWN_TAGS: Record<number, string> = { 2: 'MS ADPCM', 6: 'A-law', 7: 'µ-law', 0x11: 'IMA ADPCM', 0x50: 'MPEG', 0x55: 'MP3' };

interface WavHeader {
  fmt: { audioFormat: number; numChannels: number; sampleRate: number; bitsPerSample: number; subformat?: number[] };
  data: { chunkSize: number; samples: Uint8Array };
  bitDepth: string;
  container: string;
}

export async function readWavFile(path: string): Promise<DecodedAudio> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`);
    if (code === 'EISDIR') throw new CliError(`${path}: is a directory, expected a WAV file`);
    throw new CliError(`${path}: cannot read (${code ?? (error as Error).message})`);
  }
  return decodeWav(bytes, path);
}

interface Encoding {
  label: string;
  float: boolean;
  /** Bytes per sample in the data chunk. */
  width: number;
}

export function decodeWav(bytes: Uint8Array, name: string): DecodedAudio {
  if (bytes.length === 0) throw new CliError(`${name}: file is empty, expected a WAV file`);
  let wav: InstanceType<typeof wavefile.WaveFile>;
  try {
    wav = new wavefile.WaveFile(bytes);
  } catch (error) {
    const reason = (error as Error).message.replace(/\.$/, '');
    const start = Array.from(bytes.subarray(0, 4), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '?')).join('');
    // wavefile says "Not a supported format" for any other first four bytes.
    const detail = /not a supported format/i.test(reason) ? `starts with "${start}", expected "RIFF"` : reason;
    throw new CliError(`${name}: not a readable WAV file (${detail}${bytes.length < 44 ? `; only ${bytes.length} bytes` : ''})`);
  }
  const header = wav as unknown as WavHeader;
  const { numChannels, sampleRate } = header.fmt;
  const encoding = encodingOf(header, name);
  if (numChannels !== 1 && numChannels !== 2) {
    throw new CliError(`${name}: has ${numChannels} channels; headroom renders mono or stereo files`);
  }
  if (!(sampleRate >= MIN_SAMPLE_RATE_HZ && sampleRate <= MAX_SAMPLE_RATE_HZ)) {
    throw new CliError(`${name}: sample rate ${sampleRate} Hz is outside ${MIN_SAMPLE_RATE_HZ}-${MAX_SAMPLE_RATE_HZ} Hz`);
  }
  // wavefile reads a cut-off data chunk without complaint; the declared size tells.
  // A header that claims hours of audio in a small file ends here too, before any allocation.
  if (header.data.samples.length < header.data.chunkSize) {
    throw new CliError(`${name}: truncated WAV file (data chunk declares ${header.data.chunkSize} bytes, only ${header.data.samples.length} present)`);
  }
  const frames = Math.floor(header.data.chunkSize / (numChannels * encoding.width));
  if (frames === 0) throw new CliError(`${name}: WAV file has no samples`);
  const channels = decodeSamples(header.data.samples, encoding, numChannels, frames, header.container !== 'RIFX');
  if (encoding.float) refuseNonFinite(channels, sampleRate, name);
  return { sampleRateHz: sampleRate, channels, format: encoding.label };
}

function encodingOf(header: WavHeader, name: string): Encoding {
  const { audioFormat, bitsPerSample, subformat } = header.fmt;
  const tag = audioFormat === WAVE_FORMAT_EXTENSIBLE && subformat ? subformat[0]! : audioFormat;
  const use = 'use 8-32 bit integer PCM or 32/64-bit float';
  if (tag === WAVE_FORMAT_PCM && Number.isInteger(bitsPerSample) && bitsPerSample >= 8 && bitsPerSample <= 32) {
    // Fewer bits than the container (e.g. 12 in 16) are left-justified: read the container.
    return { label: `${bitsPerSample}-bit integer`, float: false, width: Math.ceil(bitsPerSample / 8) };
  }
  if (tag === WAVE_FORMAT_IEEE_FLOAT && (bitsPerSample === 32 || bitsPerSample === 64)) {
    return { label: `${bitsPerSample}-bit float`, float: true, width: bitsPerSample / 8 };
  }
  const known = KNOWN_TAGS[tag];
  const what =
    tag === WAVE_FORMAT_PCM ? `${bitsPerSample}-bit integer PCM`
    : tag === WAVE_FORMAT_IEEE_FLOAT ? `${bitsPerSample}-bit float`
    : `format tag 0x${tag.toString(16).padStart(4, '0')}${known ? `, ${known}` : ''}`;
  throw new CliError(`${name}: unsupported WAV encoding "${header.bitDepth}" (${what}); ${use}`);
}

/** Straight from the data chunk, interleaved, any container byte order; full scale of the container = ±1. */
function decodeSamples(data: Uint8Array, encoding: Encoding, channelCount: number, frames: number, littleEndian: boolean): Float32Array[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  const { width, float } = encoding;
  const read: (at: number) => number =
    float ? (width === 4 ? (at) => view.getFloat32(at, littleEndian) : (at) => view.getFloat64(at, littleEndian))
    : width === 1 ? (at) => (view.getUint8(at) - 128) / 128
    : width === 2 ? (at) => view.getInt16(at, littleEndian) / 32768
    : width === 3 ? (at) => int24(view, at, littleEndian) / 8388608
    : (at) => view.getInt32(at, littleEndian) / 2147483648;
  let at = 0;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++) {
      channels[c]![i] = read(at);
      at += width;
    }
  }
  return channels;
}

function int24(view: DataView, at: number, littleEndian: boolean): number {
  const [low, mid, high] = littleEndian ? [at, at + 1, at + 2] : [at + 2, at + 1, at];
  return view.getUint8(low) | (view.getUint8(mid) << 8) | (view.getInt8(high) << 16);
}

function refuseNonFinite(channels: readonly Float32Array[], sampleRateHz: number, name: string): void {
  for (let i = 0; i < channels[0]!.length; i++) {
    for (let c = 0; c < channels.length; c++) {
      const v = channels[c]![i]!;
      if (v - v !== 0) {
        throw new CliError(
          `${name}: sample ${i} of channel ${c + 1} (at ${(i / sampleRateHz).toFixed(3)} s) is ${String(v)}; float samples must be finite numbers`,
        );
      }
    }
  }
}
