/** Built-in material at another sample rate, each channel resampled as a loop (worklets/dsp/resample-loop.ts). */
import { resampleLoop } from '../../../worklets/dsp/resample-loop.ts';
import type { SourceMaterial } from './material.ts';

export function resampleMaterial(material: SourceMaterial, sampleRate: number): SourceMaterial {
  if (material.sampleRate === sampleRate) return material;
  return { ...material, sampleRate, channels: material.channels.map((channel) => resampleLoop(channel, material.sampleRate, sampleRate)) };
}
