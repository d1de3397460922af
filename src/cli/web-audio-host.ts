/**
 * `--host web-audio`: the offline renderer hosted by node-web-audio-api's OfflineAudioContext,
 * with the worklet bundle loaded as the browser loads it. Kept as the reference the direct
 * host is tested against (tests/audio/hosts-agree.test.ts); it holds the whole render in
 * memory, and its worklet thread stalls when the machine is busy (docs/decisions.md,
 * "A direct host for offline renders"). node-web-audio-api is an optional dependency,
 * loaded only here.
 */
import type { ChainHost } from '../audio/offline/chain-renderer.ts';
import { webAudioHost, type OfflineContextLike } from '../audio/offline/web-audio-host.ts';
import { CliError } from './cli-error.ts';
import { workletModuleUrl } from './worklet-code.ts';

type Library = typeof import('node-web-audio-api');

async function library(): Promise<Library> {
  try {
    return await import('node-web-audio-api');
  } catch (error) {
    throw new CliError(`--host web-audio needs the optional package node-web-audio-api, which did not load here (${(error as Error).message.split('\n')[0]}); the default host needs nothing`);
  }
}

export async function nodeWebAudioHost(): Promise<ChainHost> {
  const { OfflineAudioContext, AudioWorkletNode } = await library();
  type Context = InstanceType<typeof OfflineAudioContext> & OfflineContextLike;
  return webAudioHost<Context>({
    name: 'node-web-audio-api',
    createContext: (options) => new OfflineAudioContext(options) as Context,
    addModule: async (context) => {
      const url = await workletModuleUrl();
      try {
        await context.audioWorklet.addModule(url);
      } finally {
        URL.revokeObjectURL(url);
      }
    },
    createWorkletNode: (context, name, options) => new AudioWorkletNode(context, name, options) as never,
  });
}
