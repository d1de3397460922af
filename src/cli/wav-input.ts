/**
 * Reads a WAV file as a stream of float frames (full scale = ±1), a chunk at a time, so an
 * hour of audio needs no more memory than a second of it. The header is walked chunk by
 * chunk up to "data"; the encoding comes from the fmt chunk's format tag (PCM, IEEE float,
 * or WAVE_FORMAT_EXTENSIBLE with one of those sub-formats), never from the bit depth alone.
 * Accepted: integer PCM of 8 to 32 bits (fewer bits than the container are read as the
 * container, left-justified) and 32/64-bit float, mono or stereo, 8–384 kHz, RIFF or RIFX
 * byte order, at most MAX_INPUT_HOURS long. Everything else becomes one CliError line that
 * says what was found:
 *
 *  - empty, not RIFF/WAVE, a chunk cut short, no data chunk;
 *  - a compressed or unknown encoding (µ-law, ADPCM, MP3 in WAV, 16-bit float, …);
 *  - other channel counts or rates; a block alignment that disagrees with the channels
 *    and bits (a 2-channel 13-bit header claiming 3 bytes per frame);
 *  - a data chunk that claims more than the file holds (checked before reading a regular
 *    file; a stream that ends early is caught when it ends), or more than MAX_INPUT_HOURS;
 *  - a NaN or infinite float sample: refused with its channel, frame and time. Replacing it
 *    would render something the file does not hold.
 *
 * A stream (a pipe, /dev/stdin) is read up to the data chunk's declared size and no further.
 */
import { CliError } from './cli-error.ts';
import { openByteSource, type ByteSource } from './byte-source.ts';

export const MIN_SAMPLE_RATE_HZ = 8000;
export const MAX_SAMPLE_RATE_HZ = 384_000;
/** Longer inputs are refused: 12 hours render in a few minutes and write 8 GB per stereo listener. */
export const MAX_INPUT_HOURS = 12;
/** Chunks before "data" in a stream (metadata, pictures) are skipped up to this many bytes. */
const MAX_STREAM_HEADER_BYTES = 16 << 20;
/** A header of more chunks than this before "data" is not a WAV file anyone wrote. */
const MAX_CHUNKS = 4096;

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** Names of a few encodings users meet, for the refusal message. */
const KNOWN_TAGS: Record<number, string> = { 2: 'MS ADPCM', 6: 'A-law', 7: 'µ-law', 0x11: 'IMA ADPCM', 0x50: 'MPEG', 0x55: 'MP3' };

export interface WavInput {
  readonly path: string;
  /** A regular file (it can be opened again); false for a pipe or a device. */
  readonly isFile: boolean;
  readonly sampleRateHz: number;
  /** 1 or 2. */
  readonly channelCount: number;
  readonly frames: number;
  /** What the file holds, for messages and the summary, e.g. "24-bit integer". */
  readonly format: string;
  /** The next `count` frames into `into` (one array per channel). */
  read(into: readonly Float32Array[], count: number): Promise<void>;
  close(): Promise<void>;
}

interface Encoding {
  label: string;
  float: boolean;
  /** Bytes per sample in the data chunk. */
  width: number;
}

const ascii = (bytes: Uint8Array): string => Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '?')).join('');

export async function openWav(path: string): Promise<WavInput> {
  const source = await openByteSource(path, 'a WAV file');
  try {
    return await readHeader(source);
  } catch (error) {
    await source.close();
    throw error;
  }
}

async function readHeader(source: ByteSource): Promise<WavInput> {
  const name = source.path;
  // A file shorter than the smallest WAV header says so: it is cut, not merely odd.
  const short = source.size !== null && source.size < 44 ? `; only ${source.size} bytes` : '';
  const unreadable = (detail: string) => new CliError(`${name}: not a readable WAV file (${detail}${short})`);
  const riff = await source.read(12);
  if (riff.length === 0) throw new CliError(`${name}: file is empty, expected a WAV file`);
  const magic = ascii(riff.subarray(0, 4));
  if (magic === 'RF64') throw new CliError(`${name}: is an RF64 file (WAV over 4 GB); headroom reads RIFF WAV files (split the audio)`);
  if (magic !== 'RIFF' && magic !== 'RIFX') throw unreadable(`starts with "${magic}", expected "RIFF"`);
  if (riff.length < 12) throw unreadable('cut short in its RIFF header');
  const littleEndian = magic === 'RIFF';
  const type = ascii(riff.subarray(8, 12));
  if (type !== 'WAVE') throw unreadable(`a RIFF file of type "${type}", expected "WAVE"`);

  let fmt: DataView | null = null;
  for (let chunks = 0; chunks < MAX_CHUNKS; chunks++) {
    const head = await source.read(8);
    if (head.length < 8) throw unreadable(fmt ? 'no "data" chunk' : 'no "fmt " chunk');
    const view = new DataView(head.buffer, head.byteOffset, 8);
    const id = ascii(head.subarray(0, 4));
    const size = view.getUint32(4, littleEndian);
    if (id === 'fmt ') {
      if (size < 16 || size > 1024) throw unreadable(`its "fmt " chunk is ${size} bytes; 16 to 40 expected`);
      const body = await source.read(size + (size % 2));
      if (body.length < size) throw unreadable('its "fmt " chunk is cut short');
      fmt = new DataView(body.buffer, body.byteOffset, size);
    } else if (id === 'data') {
      if (!fmt) throw unreadable('its "data" chunk comes before the "fmt " chunk');
      return dataInput(source, fmt, size, littleEndian);
    } else {
      const skip = size + (size % 2);
      if (source.size === null && source.position + skip > MAX_STREAM_HEADER_BYTES) {
        throw unreadable(`no "data" chunk in the first ${MAX_STREAM_HEADER_BYTES >> 20} MB of the stream`);
      }
      if ((await source.skip(skip)) < skip) throw unreadable(`its "${id}" chunk is cut short`);
    }
  }
  throw unreadable(`more than ${MAX_CHUNKS} chunks before "data"`);
}

function encodingOf(fmt: DataView, littleEndian: boolean, name: string): Encoding {
  const audioFormat = fmt.getUint16(0, littleEndian);
  const bitsPerSample = fmt.getUint16(14, littleEndian);
  const extensible = audioFormat === WAVE_FORMAT_EXTENSIBLE && fmt.byteLength >= 40;
  const tag = extensible ? fmt.getUint16(24, littleEndian) : audioFormat;
  const validBits = extensible ? fmt.getUint16(18, littleEndian) : bitsPerSample;
  const use = 'use 8-32 bit integer PCM or 32/64-bit float';
  if (tag === WAVE_FORMAT_PCM && bitsPerSample >= 8 && bitsPerSample <= 32) {
    // Fewer bits than the container (12 in 16, 20 in 24) are left-justified: read the container.
    const bits = validBits > 0 && validBits <= bitsPerSample ? validBits : bitsPerSample;
    return { label: `${bits}-bit integer`, float: false, width: Math.ceil(bitsPerSample / 8) };
  }
  if (tag === WAVE_FORMAT_IEEE_FLOAT && (bitsPerSample === 32 || bitsPerSample === 64)) {
    return { label: `${bitsPerSample}-bit float`, float: true, width: bitsPerSample / 8 };
  }
  const known = KNOWN_TAGS[tag];
  const what =
    tag === WAVE_FORMAT_PCM ? `${bitsPerSample}-bit integer PCM`
    : tag === WAVE_FORMAT_IEEE_FLOAT ? `${bitsPerSample}-bit float`
    : `format tag 0x${tag.toString(16).padStart(4, '0')}${known ? `, ${known}` : ''}, ${bitsPerSample} bits`;
  throw new CliError(`${name}: unsupported WAV encoding (${what}); ${use}`);
}

function dataInput(source: ByteSource, fmt: DataView, dataBytes: number, littleEndian: boolean): WavInput {
  const name = source.path;
  const channelCount = fmt.getUint16(2, littleEndian);
  const sampleRateHz = fmt.getUint32(4, littleEndian);
  const blockAlign = fmt.getUint16(12, littleEndian);
  const bits = fmt.getUint16(14, littleEndian);
  const encoding = encodingOf(fmt, littleEndian, name);
  if (channelCount !== 1 && channelCount !== 2) throw new CliError(`${name}: has ${channelCount} channels; headroom renders mono or stereo files`);
  if (!(sampleRateHz >= MIN_SAMPLE_RATE_HZ && sampleRateHz <= MAX_SAMPLE_RATE_HZ)) {
    throw new CliError(`${name}: sample rate ${sampleRateHz} Hz is outside ${MIN_SAMPLE_RATE_HZ}-${MAX_SAMPLE_RATE_HZ} Hz`);
  }
  const frameBytes = channelCount * encoding.width;
  if (blockAlign !== frameBytes) {
    throw new CliError(
      `${name}: block alignment ${blockAlign} disagrees with ${channelCount} channel${channelCount === 1 ? '' : 's'} of ${bits} bits (${channelCount} x ${encoding.width} = ${frameBytes} bytes per frame)`,
    );
  }
  // A header that claims more than the file holds ends here, before anything is read.
  if (source.size !== null && source.position + dataBytes > source.size) {
    throw new CliError(`${name}: truncated WAV file (data chunk declares ${dataBytes} bytes, only ${source.size - source.position} present)`);
  }
  const frames = Math.floor(dataBytes / frameBytes);
  if (frames === 0) throw new CliError(`${name}: WAV file has no samples`);
  const hours = frames / sampleRateHz / 3600;
  if (hours > MAX_INPUT_HOURS) throw new CliError(`${name}: is ${hours.toFixed(1)} hours long; headroom renders at most ${MAX_INPUT_HOURS} hours (split the audio)`);

  const decode = sampleDecoder(encoding, littleEndian);
  let frame = 0;
  // Two byte buffers: the next chunk is read ahead into one while the other's samples are
  // decoded and rendered, so the render does not wait for the disk (the chunk size is the same
  // every time but the last).
  const buffers = [new Uint8Array(0), new Uint8Array(0)];
  let turn = 0;
  let consumed = 0;
  let ahead: { bytes: Uint8Array; filled: Promise<number> } | null = null;
  const fetch = (size: number) => {
    turn ^= 1;
    if (buffers[turn]!.length < size) buffers[turn] = new Uint8Array(size);
    const bytes = buffers[turn]!.subarray(0, size);
    consumed += size;
    const filled = source.readInto(bytes);
    // Awaited by the next read; until then a failure must not count as unhandled.
    filled.catch(() => undefined);
    return { bytes, filled };
  };
  return {
    path: name,
    isFile: source.size !== null,
    sampleRateHz,
    channelCount,
    frames,
    format: encoding.label,
    async read(into, count) {
      const wanted = count * frameBytes;
      let chunk = ahead ?? fetch(Math.min(wanted, dataBytes - consumed));
      ahead = null;
      let filled = await chunk.filled;
      if (filled === chunk.bytes.length && filled < wanted && consumed < dataBytes) {
        // Asked for more than was read ahead: read the rest.
        const whole = new Uint8Array(wanted);
        whole.set(chunk.bytes.subarray(0, filled));
        const rest = Math.min(wanted - filled, dataBytes - consumed);
        consumed += rest;
        filled += await source.readInto(whole.subarray(filled, filled + rest));
        chunk = { bytes: whole, filled: Promise.resolve(filled) };
      }
      if (filled < wanted) {
        const got = frame * frameBytes + filled;
        throw new CliError(`${name}: truncated WAV stream (data chunk declares ${dataBytes} bytes, the stream ended after ${got})`);
      }
      if (!decode(chunk.bytes.subarray(0, wanted), into, count, channelCount)) refuseNonFinite(into, count, frame, sampleRateHz, name);
      frame += count;
      const next = Math.min(wanted, dataBytes - consumed);
      if (next > 0) ahead = fetch(next);
    },
    async close() {
      await ahead?.filled.catch(() => undefined);
      await source.close();
    },
  };
}

/** Decodes `frames` interleaved frames into float channels; false when a decoded sample is NaN or infinite (only float encodings can give one). */
type Decoder = (bytes: Uint8Array, into: readonly Float32Array[], frames: number, channels: number) => boolean;

/** Interleaved samples of any width and byte order to float channels; typed-array fast paths for the common little-endian ones. */
function sampleDecoder({ width, float }: Encoding, littleEndian: boolean): Decoder {
  const nativeLittle = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (littleEndian === nativeLittle) {
    if (float && width === 4) return decodeFloat32;
    if (!float && width === 2) return typed((b) => new Int16Array(b.buffer, b.byteOffset, b.byteLength / 2), 1 / 32768);
    if (!float && width === 4) return typed((b) => new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4), 1 / 2147483648);
  }
  return (bytes, into, frames, channels) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const read: (at: number) => number =
      float ? (width === 4 ? (at) => view.getFloat32(at, littleEndian) : (at) => view.getFloat64(at, littleEndian))
      : width === 1 ? (at) => (view.getUint8(at) - 128) / 128
      : width === 2 ? (at) => view.getInt16(at, littleEndian) / 32768
      : width === 3 ? (at) => int24(view, at, littleEndian) / 8388608
      : (at) => view.getInt32(at, littleEndian) / 2147483648;
    let at = 0;
    for (let i = 0; i < frames; i++) {
      for (let c = 0; c < channels; c++) {
        into[c]![i] = read(at);
        at += width;
      }
    }
    // What was stored is checked: a finite 64-bit sample beyond the 32-bit range is stored as ±Infinity.
    return !float || allFinite(into, frames, channels);
  };
}

/** A typed view needs an aligned offset; the bytes start a buffer of their own (offset 0), so they are. */
function typed(view: (bytes: Uint8Array) => ArrayLike<number>, scale: number): Decoder {
  return (bytes, into, frames, channels) => {
    const samples = view(bytes);
    for (let c = 0; c < channels; c++) {
      const out = into[c]!;
      for (let i = 0, k = c; i < frames; i++, k += channels) out[i] = samples[k]! * scale;
    }
    return true;
  };
}

/**
 * 32-bit float, the CLI's own output format and the bench's input: copied and checked for NaN
 * and infinities in the same pass (a separate check cost as much as the copy, docs/decisions.md,
 * "Render speed: one pass per stage").
 */
function decodeFloat32(bytes: Uint8Array, into: readonly Float32Array[], frames: number, channels: number): boolean {
  const samples = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  let finite = true;
  for (let c = 0; c < channels; c++) {
    const out = into[c]!;
    for (let i = 0, k = c; i < frames; i++, k += channels) {
      const v = samples[k]!;
      out[i] = v;
      // v − v is 0 only for finite v.
      if (v - v !== 0) finite = false;
    }
  }
  return finite;
}

function allFinite(channels: readonly Float32Array[], frames: number, count: number): boolean {
  for (let c = 0; c < count; c++) {
    const channel = channels[c]!;
    for (let i = 0; i < frames; i++) if (channel[i]! - channel[i]! !== 0) return false;
  }
  return true;
}

function int24(view: DataView, at: number, littleEndian: boolean): number {
  const [low, mid, high] = littleEndian ? [at, at + 1, at + 2] : [at + 2, at + 1, at];
  return view.getUint8(low) | (view.getUint8(mid) << 8) | (view.getInt8(high) << 16);
}

function refuseNonFinite(channels: readonly Float32Array[], count: number, firstFrame: number, sampleRateHz: number, name: string): void {
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < channels.length; c++) {
      const v = channels[c]![i]!;
      if (v - v !== 0) {
        const frame = firstFrame + i;
        throw new CliError(`${name}: sample ${frame} of channel ${c + 1} (at ${(frame / sampleRateHz).toFixed(3)} s) is ${String(v)}; float samples must be finite numbers`);
      }
    }
  }
}
