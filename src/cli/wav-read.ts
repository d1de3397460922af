/**
 * Reads a WAV file into float channels (full scale = ±1) with wavefile. Accepts integer
 * PCM of 8 to 32 bits and 32/64-bit float, mono or stereo, 8–384 kHz. Everything else,
 * and any damaged file, becomes one CliError line that says what was found.
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

interface WavHeader {
  fmt: { numChannels: number; sampleRate: number };
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

export function decodeWav(bytes: Uint8Array, name: string): DecodedAudio {
  if (bytes.length === 0) throw new CliError(`${name}: file is empty, expected a WAV file`);
  let wav: InstanceType<typeof wavefile.WaveFile>;
  try {
    wav = new wavefile.WaveFile(bytes);
  } catch (error) {
    throw new CliError(`${name}: not a readable WAV file (${(error as Error).message.replace(/\.$/, '')})`);
  }
  const header = wav as unknown as WavHeader;
  const { numChannels, sampleRate } = header.fmt;
  const kind = sampleKind(header.bitDepth);
  if (!kind) throw new CliError(`${name}: unsupported WAV encoding "${header.bitDepth}"; use 8-32 bit integer PCM or 32/64-bit float`);
  if (numChannels !== 1 && numChannels !== 2) {
    throw new CliError(`${name}: has ${numChannels} channels; headroom renders mono or stereo files`);
  }
  if (!(sampleRate >= MIN_SAMPLE_RATE_HZ && sampleRate <= MAX_SAMPLE_RATE_HZ)) {
    throw new CliError(`${name}: sample rate ${sampleRate} Hz is outside ${MIN_SAMPLE_RATE_HZ}-${MAX_SAMPLE_RATE_HZ} Hz`);
  }
  // wavefile reads a cut-off data chunk without complaint; the declared size tells.
  if (header.data.samples.length < header.data.chunkSize) {
    throw new CliError(`${name}: truncated WAV file (data chunk declares ${header.data.chunkSize} bytes, only ${header.data.samples.length} present)`);
  }
  const frames = Math.floor(header.data.chunkSize / (numChannels * Math.ceil(kind.bits / 8)));
  if (frames === 0) throw new CliError(`${name}: WAV file has no samples`);
  const fast = header.container === 'RIFF' ? decodeCommon(header.data.samples, header.bitDepth, numChannels, frames) : null;
  const channels = fast ?? viaWavefile(wav, numChannels, kind);
  return { sampleRateHz: sampleRate, channels, format: kind.label };
}

/**
 * Little-endian 16/24/32-bit integer and 32-bit float straight from the data chunk:
 * wavefile's generic getSamples takes ~4 s per minute of stereo audio.
 */
function decodeCommon(data: Uint8Array, bitDepth: string, channelCount: number, frames: number): Float32Array[] | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frames));
  const read: ((at: number) => number) | null =
    bitDepth === '16' ? (at) => view.getInt16(at, true) / 32768
    : bitDepth === '24' ? (at) => ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608)
    : bitDepth === '32' ? (at) => view.getInt32(at, true) / 2147483648
    : bitDepth === '32f' ? (at) => view.getFloat32(at, true)
    : null;
  if (!read) return null;
  const width = bitDepth === '16' ? 2 : bitDepth === '24' ? 3 : 4;
  let at = 0;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++) {
      channels[c]![i] = read(at);
      at += width;
    }
  }
  return channels;
}

function viaWavefile(wav: InstanceType<typeof wavefile.WaveFile>, numChannels: number, kind: SampleKind): Float32Array[] {
  const raw = wav.getSamples(false, Float64Array) as unknown as Float64Array | Float64Array[];
  const rawChannels = numChannels === 1 && !Array.isArray(raw) ? [raw as Float64Array] : (raw as Float64Array[]);
  return rawChannels.map((c) => toFloat(c, kind));
}

interface SampleKind {
  label: string;
  bits: number;
  scale: number;
  offset: number;
}

function sampleKind(bitDepth: string): SampleKind | null {
  if (bitDepth === '32f' || bitDepth === '64') return { label: `${parseInt(bitDepth, 10)}-bit float`, bits: parseInt(bitDepth, 10), scale: 1, offset: 0 };
  if (!/^\d+$/.test(bitDepth)) return null;
  const bits = Number(bitDepth);
  if (bits < 8 || bits > 32) return null;
  // 8-bit WAV is unsigned around 128; wider PCM is signed. Full scale maps to ±1.
  return { label: `${bits}-bit integer`, bits, scale: 1 / 2 ** (bits - 1), offset: bits === 8 ? -128 : 0 };
}

function toFloat(samples: Float64Array, kind: SampleKind): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = (samples[i]! + kind.offset) * kind.scale;
  return out;
}
