/**
 * The one WAV encoder: 32-bit IEEE float (format 3, with the fact chunk the spec asks of
 * non-PCM files), for the app's WAV export and `headroom render` alike. Float, so acoustic
 * levels above 0 dBFS survive exactly (README "Rendering audio through a chain"): nothing is
 * clipped. Hand-written because the layout is fixed and small, and wavefile's encoder took
 * about 10 s per minute of stereo audio (docs/decisions.md, "One offline renderer, one WAV encoder").
 *
 * Whole files: `encodeWav(channels, rate)`. Streams (the CLI writes as it renders):
 * `floatWavHeader(channelCount, rate, frames)`, then `interleaveFloat32` per chunk.
 */
const WAVE_FORMAT_IEEE_FLOAT = 3;
export const FLOAT_WAV_HEADER_BYTES = 12 + (8 + 18) + (8 + 4) + 8;
const BYTES_PER_SAMPLE = 4;
/** A RIFF chunk size is a 32-bit count of bytes. */
const MAX_RIFF_BYTES = 0xffffffff;
/** Float32Array views are platform-endian; a WAV file is little-endian. */
export const LITTLE_ENDIAN_PLATFORM = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function floatWavDataBytes(channelCount: number, frames: number): number {
  return frames * channelCount * BYTES_PER_SAMPLE;
}

/** The 58-byte header of a float WAV of `frames` frames; the data follows it, interleaved. */
export function floatWavHeader(channelCount: number, sampleRateHz: number, frames: number): Uint8Array {
  const dataBytes = floatWavDataBytes(channelCount, frames);
  if (FLOAT_WAV_HEADER_BYTES - 8 + dataBytes > MAX_RIFF_BYTES) {
    throw new RangeError(`a WAV file holds at most 4 GB: ${frames} frames of ${channelCount} channels at 32 bits do not fit (split the input)`);
  }
  const bytes = new Uint8Array(FLOAT_WAV_HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const text = (s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(at++, s.charCodeAt(i));
  };
  const u32 = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  text('RIFF');
  u32(FLOAT_WAV_HEADER_BYTES - 8 + dataBytes);
  text('WAVE');
  text('fmt ');
  u32(18);
  u16(WAVE_FORMAT_IEEE_FLOAT);
  u16(channelCount);
  u32(sampleRateHz);
  u32(sampleRateHz * channelCount * BYTES_PER_SAMPLE);
  u16(channelCount * BYTES_PER_SAMPLE);
  u16(BYTES_PER_SAMPLE * 8);
  u16(0);
  text('fact');
  u32(4);
  u32(frames);
  text('data');
  u32(dataBytes);
  return bytes;
}

/**
 * Frames [from, from + count) of `channels`, interleaved little-endian float32, into `into`
 * at byte `offset`. Returns the bytes written.
 */
export function interleaveFloat32(channels: readonly Float32Array[], from: number, count: number, into: Uint8Array, offset = 0): number {
  const channelCount = channels.length;
  const bytes = count * channelCount * BYTES_PER_SAMPLE;
  // Float32Array views are platform-endian; every platform Node and browsers run on is little-endian,
  // but the DataView path keeps the file right on any.
  if (LITTLE_ENDIAN_PLATFORM && (into.byteOffset + offset) % BYTES_PER_SAMPLE === 0) {
    const out = new Float32Array(into.buffer, into.byteOffset + offset, count * channelCount);
    for (let c = 0; c < channelCount; c++) {
      const channel = channels[c]!;
      for (let i = 0, o = c; i < count; i++, o += channelCount) out[o] = channel[from + i]!;
    }
    return bytes;
  }
  const view = new DataView(into.buffer, into.byteOffset + offset, bytes);
  let at = 0;
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < channelCount; c++) {
      view.setFloat32(at, channels[c]![from + i]!, true);
      at += BYTES_PER_SAMPLE;
    }
  }
  return bytes;
}

/** A whole float WAV of `channels` (one array per channel, equal lengths). */
export function encodeWav(channels: readonly Float32Array[], sampleRateHz: number): ArrayBuffer {
  const frames = channels[0]?.length ?? 0;
  const bytes = new Uint8Array(FLOAT_WAV_HEADER_BYTES + floatWavDataBytes(channels.length, frames));
  bytes.set(floatWavHeader(channels.length, sampleRateHz, frames));
  interleaveFloat32(channels, 0, frames, bytes, FLOAT_WAV_HEADER_BYTES);
  return bytes.buffer;
}
