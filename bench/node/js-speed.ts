/**
 * The chain stages' JS speed on Node's main thread and inside node-web-audio-api's worklet
 * thread, each in a tight loop (bench/stage-timing.ts). Equal figures mean the worklet thread
 * runs JS as fast as any other; the gap between them and a render's per-block cost beyond the
 * host floor is then what the render's thread hand-off does to the same code.
 */
import { AudioWorkletNode, OfflineAudioContext } from 'node-web-audio-api';
import { dirname, join } from 'node:path';
import { timeChainStages } from '../stage-timing.ts';
import { SAMPLE_RATE } from './render.ts';

/** File name of the stage-timing processor's bundle, next to the app's worklet bundle. */
export const STAGE_TIMING_BUNDLE = 'stage-timing.worklet.js';

export interface JsSpeedResult {
  mainThreadMicrosecondsPerBlock: number;
  workletThreadMicrosecondsPerBlock: number;
}

export async function measureJsSpeed(workletPath: string): Promise<JsSpeedResult> {
  const mainThread = timeChainStages(SAMPLE_RATE);
  const context = new OfflineAudioContext({ numberOfChannels: 2, length: SAMPLE_RATE, sampleRate: SAMPLE_RATE });
  await context.audioWorklet.addModule(join(dirname(workletPath), STAGE_TIMING_BUNDLE));
  const workletThread = await new Promise<number>((resolve) => {
    const node = new AudioWorkletNode(context, 'headroom-bench-stage-timing');
    node.port.onmessage = (event: { data: { microsecondsPerBlock: number } }) => resolve(event.data.microsecondsPerBlock);
  });
  const round = (value: number) => Number(value.toFixed(2));
  return { mainThreadMicrosecondsPerBlock: round(mainThread), workletThreadMicrosecondsPerBlock: round(workletThread) };
}
