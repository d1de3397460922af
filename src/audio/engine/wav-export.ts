/**
 * Rendered channels to a 32-bit float WAV (wavefile). Float, so acoustic levels above
 * 0 dBFS survive exactly, as in `headroom render` (README "Rendering audio through a chain").
 */
import * as wavefileModule from 'wavefile';

// The browser bundle resolves wavefile's ES module (a named WaveFile export); Node's
// CommonJS build puts it under `default`.
type WavefileNamespace = typeof wavefileModule & { default?: typeof wavefileModule };
const WaveFile = (wavefileModule as WavefileNamespace).WaveFile ?? (wavefileModule as WavefileNamespace).default!.WaveFile;

export function encodeWav(channels: readonly Float32Array[], sampleRate: number): ArrayBuffer {
  const wav = new WaveFile();
  wav.fromScratch(channels.length, sampleRate, '32f', channels.map((c) => Array.from(c)));
  const bytes = wav.toBuffer();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
