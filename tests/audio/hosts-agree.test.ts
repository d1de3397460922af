/**
 * The two hosts of the offline renderer give the same samples: the direct host (the CLI's
 * default, src/cli/direct-host.ts: headroom-chain called in 128-frame Float32 blocks under
 * worklet globals) and node-web-audio-api's OfflineAudioContext with the bundled worklet
 * (`--host web-audio`, the browser's way). Every preset at 48 kHz and two at 44.1 kHz, each
 * with a drive past its clipping point. node-web-audio-api renders slowly on a busy machine
 * (its worklet thread stalls), so the stretches are short.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import { compile } from '../../src/model/compile.ts';
import { buildReport } from '../../src/model/report.ts';
import { renderArrays } from '../support/render-arrays.ts';
import { mulberry32 } from '../../src/math/random.ts';

/**
 * The processor sees the same Float32 input and runs the same code in both, so the outputs
 * should be identical; 1e-6 (−120 dBFS) leaves room for a host that sums or converts
 * differently on the way out, and is far below anything audible or measured elsewhere.
 */
const TOLERANCE = 1e-6;

/** 0.25 s of stereo noise, with a burst 6 dB over the preset's clipping point in the middle. */
function drive(rate: number, clipDbfs: number | null, seed: number): Float32Array[] {
  const random = mulberry32(seed);
  const frames = Math.round(0.25 * rate);
  const hot = clipDbfs === null ? 0.5 : Math.min(1, 2 * 10 ** (clipDbfs / 20));
  return [0, 1].map(() => {
    const channel = new Float32Array(frames);
    for (let i = 0; i < frames; i++) channel[i] = (i > frames / 3 && i < (2 * frames) / 3 ? hot : 0.05) * (2 * random() - 1);
    return channel;
  });
}

const cases = [
  ...presets.map((p) => [48_000, p.id, p] as const),
  ...presets.filter((p) => ['phone-amp-hd600', 'phone-four-k371-splitter'].includes(p.id)).map((p) => [44_100, p.id, p] as const),
];

describe('the direct host and node-web-audio-api', () => {
  it.each(cases)('%i Hz, %s: the same samples within 1e-6, the same latency and clip counts', async (rate, _id, preset) => {
    const clipping = buildReport(preset.setup).clipping;
    const input = drive(rate, clipping.limitedBy === 'none' ? null : clipping.atSignalDbfs, rate + preset.id.length);
    const plan = compile(preset.setup, rate);
    const direct = await renderArrays(plan, input, 'direct');
    const webAudio = await renderArrays(plan, input, 'web-audio');
    expect(direct.latencySamples).toBe(webAudio.latencySamples);
    expect(direct.clipCounts).toEqual(webAudio.clipCounts);
    let worst = 0;
    let energy = 0;
    direct.listeners.forEach((channels, i) =>
      channels.forEach((channel, c) => {
        const other = webAudio.listeners[i]![c]!;
        for (let k = 0; k < channel.length; k++) {
          worst = Math.max(worst, Math.abs(channel[k]! - other[k]!));
          energy += channel[k]! * channel[k]!;
        }
      }),
    );
    expect(energy).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(TOLERANCE);
    expect(direct.clipCounts.some((n) => n > 0)).toBe(clipping.limitedBy !== 'none');
  }, 60_000);
});
