/**
 * The offline renderer (src/audio/offline/chain-renderer.ts) on arrays held in memory, for
 * tests that measure whole renders: either host, the same result shape.
 */
import { renderChain, type ChainHost, type ChainRenderResult } from '../../src/audio/offline/chain-renderer.ts';
import { CHANNELS } from '../../src/audio/processor-contract.ts';
import { directHost } from '../../src/cli/direct-host.ts';
import { nodeWebAudioHost } from '../../src/cli/web-audio-host.ts';
import type { Plan } from '../../src/model/compile.ts';

export interface ArrayRender extends ChainRenderResult {
  /** Per listener, [left, right], as long as the input. */
  listeners: Float32Array[][];
}

export type HostName = 'direct' | 'web-audio';

export async function hostNamed(name: HostName): Promise<ChainHost> {
  return name === 'direct' ? directHost() : nodeWebAudioHost();
}

/** `channels`: 1 (heard on both sides) or 2 arrays at plan.sampleRateHz. */
export async function renderArrays(plan: Plan, channels: readonly Float32Array[], host: ChainHost | HostName = 'web-audio'): Promise<ArrayRender> {
  const frames = channels[0]!.length;
  const listeners = plan.listeners.map(() => Array.from({ length: CHANNELS }, () => new Float32Array(frames)));
  let read = 0;
  let written = 0;
  const result = await renderChain(typeof host === 'string' ? await hostNamed(host) : host, {
    plan,
    frames,
    input: {
      channelCount: channels.length,
      read(into, count) {
        into.forEach((channel, c) => channel.set(channels[c]!.subarray(read, read + count)));
        read += count;
      },
    },
    output: {
      write(chunk, count) {
        chunk.forEach((pair, i) => pair.forEach((channel, c) => listeners[i]![c]!.set(channel.subarray(0, count), written)));
        written += count;
      },
    },
  });
  return { ...result, listeners };
}
