/**
 * The direct host's render thread (the entry of a worker thread, started by direct-host.ts): an
 * AudioWorkletGlobalScope in a worker. It evaluates the worklet script it is given (the one the
 * browser and `--host web-audio` load, worklet-code.ts) under the globals the processors read
 * (the AudioWorkletProcessor base class with its port, registerProcessor, sampleRate,
 * currentFrame) and runs headroom-chain over chunks of 128-frame Float32 blocks in memory it
 * shares with the main thread, which meanwhile reads the next chunk's input and writes the
 * previous chunk's outputs (docs/decisions.md, "Render speed: the chain on a thread of its own").
 *
 * Bundled on its own as a classic script (bundled-script.ts; the package and the bench ship it
 * as render-thread.js), so it imports nothing but Node's modules and types.
 *
 * Protocol, one reply per request but 'stop':
 *   { type: 'start', plan, chunkFrames, inputs, outputs } → { type: 'started', messages } or { type: 'refused', message, messages }
 *   { type: 'render', slot, blocks, frame }               → { type: 'rendered', messages, meters } or { type: 'failed', message }
 *   { type: 'stop' }                                       the processor and the buffers are let go
 * `inputs[slot]` holds two channels of `chunkFrames` floats one after the other, `outputs[slot]`
 * each listener's two channels; `messages` are what the processor posted on its port since the
 * last reply, copied as they were posted (it reuses its meters object), the meters packed as
 * numbers in `meters` (packed-meters.ts).
 */
import { runInThisContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import type { Plan } from '../model/compile.ts';
import { MetersPacker, type FramedMeters } from './packed-meters.ts';
import { installWorkletGlobals } from './worklet-globals.ts';

export type ThreadRequest =
  | { type: 'start'; plan: Plan; chunkFrames: number; inputs: SharedArrayBuffer[]; outputs: SharedArrayBuffer[] }
  | { type: 'render'; slot: number; blocks: number; frame: number }
  | { type: 'stop' };

export type ThreadReply =
  | { type: 'started'; messages: unknown[] }
  | { type: 'refused'; message: string; messages: unknown[] }
  | { type: 'rendered'; messages: unknown[]; meters: Float64Array }
  | { type: 'failed'; message: string };

/** What the thread is started with (`workerData`). */
export interface ThreadData {
  workletScript: string;
}

interface ThreadProcessor {
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}
type ThreadProcessorClass = new (options: { numberOfInputs: number; numberOfOutputs: number; outputChannelCount: number[]; processorOptions: { plan: Plan } }) => ThreadProcessor;

const BLOCK = 128;
const CHANNELS = 2;
const NAME = 'headroom-chain';

let posted: unknown[] = [];
const taken = (): unknown[] => {
  const messages = posted;
  posted = [];
  return messages;
};

const meters = new MetersPacker();

class ThreadPort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  postMessage(message: unknown): void {
    if ((message as { type?: unknown }).type === 'meters') meters.add(message as FramedMeters);
    else posted.push(structuredClone(message));
  }
}

const scope = installWorkletGlobals<ThreadProcessorClass>(Number.NaN, ThreadPort);
runInThisContext((workerData as ThreadData).workletScript, { filename: 'headroom.worklet.js' });

let processor: ThreadProcessor | null = null;
/** Per slot, per block: the processor's inputs and outputs, 128-frame views of the shared buffers made once per render. */
let blockInputs: Float32Array[][][][] = [];
let blockOutputs: Float32Array[][][][] = [];
const parent = parentPort!;
const reply = (message: ThreadReply) => parent.postMessage(message);

function start(request: Extract<ThreadRequest, { type: 'start' }>): void {
  const { plan, chunkFrames } = request;
  const listeners = plan.listeners.length;
  scope.setSampleRate(plan.sampleRateHz);
  scope.setCurrentFrame(0);
  const Processor = scope.registered.get(NAME);
  try {
    if (!Processor) throw new Error(`the worklet script registers no ${NAME}`);
    processor = new Processor({ numberOfInputs: 1, numberOfOutputs: listeners, outputChannelCount: Array.from({ length: listeners }, () => CHANNELS), processorOptions: { plan } });
  } catch (error) {
    processor = null;
    reply({ type: 'refused', message: error instanceof Error ? error.message : String(error), messages: taken() });
    return;
  }
  const blocks = chunkFrames / BLOCK;
  const view = (buffer: SharedArrayBuffer, channel: number, block: number) => new Float32Array(buffer, 4 * (channel * chunkFrames + block * BLOCK), BLOCK);
  blockInputs = request.inputs.map((buffer) => Array.from({ length: blocks }, (_, b) => [[view(buffer, 0, b), view(buffer, 1, b)]]));
  blockOutputs = request.outputs.map((buffer) =>
    Array.from({ length: blocks }, (_, b) => Array.from({ length: listeners }, (_, k) => [view(buffer, CHANNELS * k, b), view(buffer, CHANNELS * k + 1, b)])),
  );
  reply({ type: 'started', messages: taken() });
}

function render({ slot, blocks, frame }: Extract<ThreadRequest, { type: 'render' }>): void {
  const inputs = blockInputs[slot]!;
  const outputs = blockOutputs[slot]!;
  try {
    // An audio thread hands process() zeroed outputs; headroom-chain writes every sample of
    // every output (splitter-stage.ts, runListener), so the buffers are not cleared first.
    // tests/audio/hosts-agree.test.ts would show a sample it left unwritten.
    for (let b = 0; b < blocks; b++) {
      scope.setCurrentFrame(frame + b * BLOCK);
      processor!.process(inputs[b]!, outputs[b]!);
    }
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  reply({ type: 'rendered', messages: taken(), meters: meters.take() });
}

parent.on('message', (request: ThreadRequest) => {
  if (request.type === 'start') start(request);
  else if (request.type === 'render') render(request);
  else {
    processor = null;
    blockInputs = [];
    blockOutputs = [];
  }
});
