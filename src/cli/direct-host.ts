/**
 * The direct host: `headroom render` runs the chain's processor class (headroom-chain,
 * worklets/processors/chain-processor.ts) itself, in this Node process, the way an audio
 * thread does: the AudioWorkletGlobalScope globals the processor reads (the base class with
 * its port, sampleRate, currentFrame), one process() call per 128-frame block, Float32
 * blocks in and out as in a browser, the plan in processorOptions and the processor's own
 * messages ('ready', 'meters', 'error') on its port.
 *
 * Why not node-web-audio-api: its worklet thread hands every block across threads and stalls
 * when the machine is busy; the same processors called directly run at a few hundred times
 * real time and only share the CPU like any process (docs/decisions.md, "A direct host for
 * offline renders"). The node-web-audio-api host stays as `--host web-audio`, and a test
 * holds the two to the same samples within 1e-6 (tests/audio/hosts-agree.test.ts).
 *
 * Each chunk of blocks runs under vm's timeout: a process() call that never returns is
 * interrupted (V8 terminates the running script) and the render fails as stalled, naming
 * how far it got. The timeout starts and joins a watchdog thread per call, so chunks are
 * long (4096 blocks: 11 s at 48 kHz, tens of milliseconds of work) and progress is reported
 * from inside them. Input is pulled and output pushed chunk by chunk, so memory stays
 * bounded whatever the length (docs/decisions.md, "A direct host for offline renders").
 */
import vm from 'node:vm';
import type { ChainHost, HostJob } from '../audio/offline/chain-renderer.ts';
import { ChainRenderError } from '../audio/offline/chain-renderer.ts';
import { CHANNELS, isProcessorMessage } from '../audio/processor-contract.ts';
import type { Plan } from '../model/compile.ts';

const BLOCK = 128;
/**
 * Blocks per chunk: at most 4096 (11 s at 48 kHz: vm's per-call guard is a small share of
 * the chunk's work, and 8 listeners' buffers stay under 100 MB), fewer for short renders (a
 * twentieth of the render, at least 32), so progress moves in steps of 5 % or less.
 */
const MAX_CHUNK_BLOCKS = 4096;
const MIN_CHUNK_BLOCKS = 32;
const PROGRESS_STEPS = 20;
/** Inside a chunk, progress is reported every this many blocks. */
const PROGRESS_BLOCKS = 256;
/** One chunk taking longer than this is a stall (it takes milliseconds; a busy machine makes it tens). */
const DEFAULT_CHUNK_LIMIT_SECONDS = 30;

/** The processor as the host sees it: what chain-processor.ts implements. */
interface DirectProcessor {
  readonly port: DirectPort;
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}
type ProcessorClass = new (options: {
  numberOfInputs: number;
  numberOfOutputs: number;
  outputChannelCount: number[];
  processorOptions: { plan: Plan };
}) => DirectProcessor;

/** The processor's end of its MessagePort: messages are handed to the host at once (they are read before the processor reuses them). */
class DirectPort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(private readonly deliver: (message: unknown) => void) {}
  postMessage(message: unknown): void {
    this.deliver(message);
  }
}

interface Scope {
  AudioWorkletProcessor?: unknown;
  sampleRate?: number;
  currentFrame?: number;
}
const scope = globalThis as unknown as Scope;

/** The port for the processor being constructed: a worklet hands the processor its port the same way, inside the base constructor. */
let nextPort: DirectPort | null = null;

class DirectWorkletProcessor {
  readonly port: DirectPort;
  constructor() {
    this.port = nextPort ?? new DirectPort(() => undefined);
    nextPort = null;
  }
}

let processorClass: Promise<ProcessorClass> | null = null;

/** Installs the worklet globals, then loads the processor module (its base class is read when the module evaluates). */
function loadChainProcessor(): Promise<ProcessorClass> {
  if (!processorClass) {
    scope.AudioWorkletProcessor ??= DirectWorkletProcessor;
    scope.currentFrame = 0;
    processorClass = import('../../worklets/processors/chain-processor.ts').then((module) => module.HeadroomChainProcessor as unknown as ProcessorClass);
  }
  return processorClass;
}

export interface DirectHostOptions {
  /** A chunk of blocks that takes longer than this is stopped as stalled. */
  chunkLimitSeconds?: number;
}

export function directHost(options: DirectHostOptions = {}): ChainHost {
  const chunkLimitSeconds = options.chunkLimitSeconds ?? DEFAULT_CHUNK_LIMIT_SECONDS;
  return {
    name: 'direct',
    async render(job: HostJob): Promise<void> {
      const Processor = await loadChainProcessor();
      const { plan, length } = job;
      const listeners = plan.listeners.length;
      const port = new DirectPort((message) => {
        if (!isProcessorMessage(message)) return;
        if (message.type === 'ready') job.onLatency(message.latencySamples);
        else if (message.type === 'error') job.onError(`chain: ${message.message}`);
        else job.onMeters(message);
      });
      scope.sampleRate = plan.sampleRateHz;
      scope.currentFrame = 0;
      nextPort = port;
      let processor: DirectProcessor;
      try {
        processor = new Processor({ numberOfInputs: 1, numberOfOutputs: listeners, outputChannelCount: Array.from({ length: listeners }, () => CHANNELS), processorOptions: { plan } });
      } catch (error) {
        // The processor refused its plan: its message names the field.
        job.onError(`chain: ${error instanceof Error ? error.message : String(error)}`);
        return;
      } finally {
        nextPort = null;
      }
      if (processor.port !== port) throw new Error('the direct host found headroom-chain loaded under another worklet scope');

      const chunkBlocks = Math.min(MAX_CHUNK_BLOCKS, Math.max(MIN_CHUNK_BLOCKS, Math.ceil(length / BLOCK / PROGRESS_STEPS)));
      const chunkFrames = chunkBlocks * BLOCK;
      const input = [new Float32Array(chunkFrames), new Float32Array(chunkFrames)];
      const output = Array.from({ length: listeners }, () => Array.from({ length: CHANNELS }, () => new Float32Array(chunkFrames)));
      // Each block's inputs and outputs are 128-frame views into the chunk's buffers, made once:
      // no copies and no allocation per block.
      const blockViews = (buffers: readonly Float32Array[], b: number) => buffers.map((buffer) => buffer.subarray(b * BLOCK, (b + 1) * BLOCK));
      const blockInputs = Array.from({ length: chunkBlocks }, (_, b) => [blockViews(input, b)]);
      const blockOutputs = Array.from({ length: chunkBlocks }, (_, b) => output.map((channels) => blockViews(channels, b)));
      let frame = 0;
      let blocks = 0;

      const runBlocks = (): void => {
        // An audio thread hands process() zeroed outputs; headroom-chain writes every sample of
        // every output (splitter-stage.ts, runListener), so the chunk's buffers are not cleared
        // first (a few per cent of the render). tests/audio/hosts-agree.test.ts would show a
        // sample it left unwritten: the browser's zero against the previous chunk's value.
        for (let b = 0; b < blocks; b++) {
          scope.currentFrame = frame + b * BLOCK;
          processor.process(blockInputs[b]!, blockOutputs[b]!);
          if ((b + 1) % PROGRESS_BLOCKS === 0) job.progress(frame + (b + 1) * BLOCK);
        }
      };
      const guard = vm.createContext({ runBlocks });
      const step = new vm.Script('runBlocks()');

      while (frame < length && !job.aborted) {
        const count = Math.min(chunkFrames, length - frame);
        blocks = Math.ceil(count / BLOCK);
        await job.pull(input.map((channel) => channel.subarray(0, count)), count);
        // A last, partial block runs whole, on silence, as an audio thread would run it.
        for (const channel of input) channel.fill(0, count, blocks * BLOCK);
        try {
          step.runInContext(guard, { timeout: chunkLimitSeconds * 1000 });
        } catch (error) {
          if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
            const seconds = (frames: number) => (frames / plan.sampleRateHz).toFixed(1);
            job.onStalled(
              `the direct render stalled at ${seconds(frame)} s of ${seconds(length)} s (${Math.floor((100 * frame) / length)} %): ${seconds(count)} s of audio took more than ${chunkLimitSeconds} s`,
            );
            return;
          }
          throw new ChainRenderError(`chain: process() failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
        if (job.aborted) return;
        await job.push(output.map((channels) => channels.map((channel) => channel.subarray(0, count))), count);
        frame += count;
        job.progress(frame);
      }
    },
  };
}
