/**
 * A user's audio file to SourceMaterial, in any format the browser decodes. Decoding
 * never touches what is playing: the result is new material the caller may load.
 */
import type { EngineContext } from './context-types.ts';
import type { SourceMaterial } from './types.ts';

export async function decodeFile(context: EngineContext, data: ArrayBuffer, name: string): Promise<SourceMaterial> {
  const fail = (reason: string, cause?: unknown): Error => new Error(`Cannot decode "${name}": ${reason}`, { cause });
  if (!(data instanceof ArrayBuffer)) throw fail('expected the file contents as an ArrayBuffer');
  if (data.byteLength === 0) throw fail('the file is empty');
  let buffer: AudioBuffer;
  try {
    // decodeAudioData detaches its argument: decode a copy so the caller keeps the bytes.
    buffer = await context.decodeAudioData(data.slice(0));
  } catch (error) {
    const reason = error instanceof Error && error.message ? error.message : String(error);
    throw fail(`${reason} (not an audio format this browser can decode)`, error);
  }
  if (buffer.numberOfChannels > 2) throw fail(`it has ${buffer.numberOfChannels} channels; Headroom plays mono or stereo`);
  if (buffer.length === 0) throw fail('it holds no samples');
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).slice());
  return { channels, sampleRate: buffer.sampleRate, name };
}
