/**
 * A user's audio file to SourceMaterial, in any format the browser decodes. Decoding
 * never touches what is playing: the result is new material the caller may load, and a
 * refusal is an Error `Cannot decode "<name>": <reason>` that leaves everything as it was.
 *
 * Besides what decodeAudioData refuses, this refuses, with the same messages as
 * `headroom render` where the problem is the same:
 *  - a RIFF/WAVE file whose data chunk declares more bytes than the file holds (cut short,
 *    or a header that claims hours of audio), or that has no data chunk, or an empty one:
 *    browsers quietly decode what is there, so a damaged file would play as if whole;
 *  - more than 2 channels: Headroom simulates a stereo headphone output, and a file's extra
 *    channels have no standard place in it (a 5.1 downmix would need the file's speaker
 *    layout, which decodeAudioData does not give);
 *  - a NaN or infinite sample (a float WAV can hold them): refused with its channel, frame and
 *    time. Replacing it would play something the file does not hold, without a word.
 * Sample rates need nothing: decodeAudioData resamples to the context's rate (8 kHz and
 * 384 kHz files play at the right pitch and length).
 */
import type { EngineContext } from './context-types.ts';
import type { SourceMaterial } from './types.ts';

export async function decodeFile(context: EngineContext, data: ArrayBuffer, name: string): Promise<SourceMaterial> {
  const fail = (reason: string, cause?: unknown): Error => new Error(`Cannot decode "${name}": ${reason}`, { cause });
  if (!(data instanceof ArrayBuffer)) throw fail('expected the file contents as an ArrayBuffer');
  if (data.byteLength === 0) throw fail('the file is empty');
  const damage = wavDamage(new Uint8Array(data));
  if (damage) throw fail(damage);
  let buffer: AudioBuffer;
  try {
    // decodeAudioData detaches its argument: decode a copy so the caller keeps the bytes.
    buffer = await context.decodeAudioData(data.slice(0));
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : String(error);
    throw fail(`${reason} (not an audio format this browser can decode)`, error);
  }
  if (buffer.numberOfChannels > 2) throw fail(`it has ${buffer.numberOfChannels} channels; Headroom plays mono or stereo files`);
  if (buffer.length === 0) throw fail('it holds no samples');
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).slice());
  const bad = firstNonFinite(channels);
  if (bad) {
    throw fail(`sample ${bad.frame} of channel ${bad.channel + 1} (at ${(bad.frame / buffer.sampleRate).toFixed(3)} s) is ${String(bad.value)}; samples must be finite numbers`);
  }
  return { channels, sampleRate: buffer.sampleRate, name };
}

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);

/**
 * For a RIFF/WAVE file: what is wrong with its chunk structure, or null. Other formats
 * (and RF64, RIFX) are left to the browser. Walks chunk headers only: at most one step per
 * 8 bytes of file, so a hostile header cannot make it loop.
 */
export function wavDamage(bytes: Uint8Array): string | null {
  if (bytes.length < 4 || ascii(bytes, 0) !== 'RIFF') return null;
  if (bytes.length < 12) return `truncated WAV file (only ${bytes.length} bytes)`;
  if (ascii(bytes, 8) !== 'WAVE') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const present = bytes.length - (at + 8);
    if (id === 'data') {
      if (size > present) return `truncated WAV file (data chunk declares ${size} bytes, only ${present} present)`;
      if (size === 0) return 'it holds no samples';
      return null;
    }
    at += 8 + size + (size % 2);
  }
  return `truncated or damaged WAV file (no "data" chunk in its ${bytes.length} bytes)`;
}

function firstNonFinite(channels: readonly Float32Array[]): { frame: number; channel: number; value: number } | null {
  const frames = channels[0]?.length ?? 0;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels.length; c++) {
      const value = channels[c]![i]!;
      if (value - value !== 0) return { frame: i, channel: c, value };
    }
  }
  return null;
}
