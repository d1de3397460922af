/**
 * Writes float channels as a 32-bit IEEE float WAV (format 3, with the fact chunk the
 * spec asks of non-PCM files). Hand-written because wavefile's encoder takes ~10 s per
 * minute of stereo audio; this layout is fixed and small. Values beyond ±1 are kept:
 * outputs are acoustic levels, not something to clip.
 */
import { writeFile } from 'node:fs/promises';

const WAVE_FORMAT_IEEE_FLOAT = 3;
const HEADER_BYTES = 12 + (8 + 18) + (8 + 4) + 8;

export function encodeFloatWav(channels: readonly Float32Array[], sampleRateHz: number): Uint8Array {
  const channelCount = channels.length;
  const frames = channels[0]?.length ?? 0;
  const dataBytes = frames * channelCount * 4;
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
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
  u32(bytes.length - 8);
  text('WAVE');
  text('fmt ');
  u32(18);
  u16(WAVE_FORMAT_IEEE_FLOAT);
  u16(channelCount);
  u32(sampleRateHz);
  u32(sampleRateHz * channelCount * 4);
  u16(channelCount * 4);
  u16(32);
  u16(0);
  text('fact');
  u32(4);
  u32(frames);
  text('data');
  u32(dataBytes);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channelCount; c++) {
      view.setFloat32(at, channels[c]![i]!, true);
      at += 4;
    }
  }
  return bytes;
}

export async function writeFloatWav(path: string, channels: readonly Float32Array[], sampleRateHz: number): Promise<void> {
  await writeFile(path, encodeFloatWav(channels, sampleRateHz));
}
