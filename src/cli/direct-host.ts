/**
 * The direct host: `headroom render` runs the chain's processor (headroom-chain,
 * worklets/processors/chain-processor.ts) itself, the way an audio thread does, on a thread of
 * its own: the render thread (render-thread.ts), a worker that evaluates the worklet script
 * under the AudioWorkletGlobalScope globals and calls process() once per 128-frame block, Float32
 * blocks in and out as in a browser, the plan in processorOptions and the processor's own
 * messages ('ready', 'meters', 'error') handed back with each chunk.
 *
 * Why not node-web-audio-api: its worklet thread hands every block across threads and stalls
 * when the machine is busy (docs/decisions.md, "A direct host for offline renders"). Here the
 * hand-off is per chunk (hundreds of blocks), and the main thread uses the time: while the render
 * thread runs chunk k + 1, it meters, interleaves and writes chunk k's outputs, then reads and
 * converts chunk k + 2's input into the slots chunk k used (two shared slots each way) and queues
 * it, so the render thread goes from chunk to chunk without waiting. On two cores the render
 * takes about as long as the slower of the two (docs/decisions.md, "Render speed: the chain on a
 * thread of its own"). The node-web-audio-api host stays as `--host web-audio`, and a test holds
 * the two to the same samples within 1e-6 (tests/audio/hosts-agree.test.ts).
 *
 * The render thread outlives a render (unreferenced, so it never keeps the process alive): the
 * next render in the process (`--ab`, a test suite, the bench after its warm-up) finds it started
 * and its code compiled. A chunk that takes longer than the limit is a stall: the thread is
 * terminated (which interrupts a process() that never returns) and the render fails, naming how
 * far it got.
 */
import { Worker } from 'node:worker_threads';
import type { ChainHost, HostJob } from '../audio/offline/chain-renderer.ts';
import { ChainRenderError } from '../audio/offline/chain-renderer.ts';
import { CHANNELS, isProcessorMessage } from '../audio/processor-contract.ts';
import { bundledScript } from './bundled-script.ts';
import { unpackMeters } from './packed-meters.ts';
import type { ThreadData, ThreadReply, ThreadRequest } from './render-thread.ts';
import { workletScript } from './worklet-code.ts';

const BLOCK = 128;
/** The render thread's entry, and where the package and the bench ship it bundled, beside the CLI. */
const THREAD_ENTRY = new URL('./render-thread.ts', import.meta.url);
const THREAD_SHIPPED = new URL('./render-thread.js', import.meta.url);
/**
 * Blocks per chunk: a twentieth of the render (so progress moves in steps of 5 % or less), at
 * least 32 and at most 256 (0.7 s at 48 kHz): a chunk's samples are still in the cache when
 * the other thread reads them, and 8 listeners' output slots take 4 MB. Hand-offs cost little
 * (two messages per chunk): 128 to 512 blocks measured alike, 1024 slower (docs/decisions.md,
 * "Render speed: the chain on a thread of its own").
 */
const MAX_CHUNK_BLOCKS = 256;
const MIN_CHUNK_BLOCKS = 32;
const PROGRESS_STEPS = 20;
/** One chunk taking longer than this is a stall (it takes milliseconds; a busy machine makes it tens). */
const DEFAULT_CHUNK_LIMIT_SECONDS = 30;

export interface DirectHostOptions {
  /** A chunk of blocks that takes longer than this is stopped as stalled. */
  chunkLimitSeconds?: number;
  /**
   * The worklet script whose headroom-chain renders (default: the product's, worklet-code.ts).
   * Another script gets a thread of its own, ended after the render (tests give one whose
   * process() never returns).
   */
  workletScript?: string;
}

/** A render thread, and its replies in the order they came. */
class RenderThread {
  private readonly worker: Worker;
  /** Replies that came before anyone asked for them (a chunk can finish before the next input is read). */
  private readonly replies: ThreadReply[] = [];
  private waiting: { resolve: (reply: ThreadReply) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(threadScript: string, workletScript: string) {
    const data: ThreadData = { workletScript };
    this.worker = new Worker(threadScript, { eval: true, workerData: data });
    this.worker.on('message', (reply: ThreadReply) => {
      const waiting = this.waiting;
      this.waiting = null;
      if (waiting) waiting.resolve(reply);
      else this.replies.push(reply);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the render thread exited (code ${code})`)));
  }

  get alive(): boolean {
    return this.failure === null;
  }

  send(request: ThreadRequest): void {
    this.worker.postMessage(request);
  }

  /** The next reply, or null when none comes within `limitMs`. */
  reply(limitMs: number): Promise<ThreadReply | null> {
    const early = this.replies.shift();
    if (early) return Promise.resolve(early);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve(null);
      }, Math.max(0, limitMs));
      this.waiting = {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  hold(): void {
    this.worker.ref();
  }

  /** Idle: the thread no longer keeps the process alive. */
  park(): void {
    this.worker.unref();
  }

  end(): void {
    this.failure ??= new Error('the render thread was ended');
    void this.worker.terminate();
  }
}

/** The product's render thread between renders. */
let parked: RenderThread | null = null;

async function takeThread(script: string | undefined): Promise<{ thread: RenderThread; pooled: boolean }> {
  const threadScript = await bundledScript(THREAD_ENTRY, THREAD_SHIPPED, 'node');
  if (script !== undefined) return { thread: new RenderThread(threadScript, script), pooled: false };
  const idle = parked;
  parked = null;
  const thread = idle?.alive ? idle : new RenderThread(threadScript, await workletScript());
  return { thread, pooled: true };
}

function giveBack(thread: RenderThread, pooled: boolean): void {
  if (!pooled || !thread.alive || parked !== null) {
    thread.end();
    return;
  }
  thread.send({ type: 'stop' });
  thread.park();
  parked = thread;
}

export function directHost(options: DirectHostOptions = {}): ChainHost {
  const chunkLimitSeconds = options.chunkLimitSeconds ?? DEFAULT_CHUNK_LIMIT_SECONDS;
  return {
    name: 'direct',
    async render(job: HostJob): Promise<void> {
      const { thread, pooled } = await takeThread(options.workletScript);
      thread.hold();
      let idle = false;
      try {
        idle = await renderOn(thread, job, chunkLimitSeconds);
      } finally {
        // A thread left inside a chunk (a stall, a failed render) is not reused.
        if (idle) giveBack(thread, pooled);
        else thread.end();
      }
    },
  };
}

/** Runs the job on `thread`; true when the thread is left idle (no chunk in flight). */
async function renderOn(thread: RenderThread, job: HostJob, chunkLimitSeconds: number): Promise<boolean> {
  const { plan, length } = job;
  const listeners = plan.listeners.length;
  const limitMs = chunkLimitSeconds * 1000;
  const deliver = (messages: readonly unknown[]) => {
    for (const message of messages) {
      if (!isProcessorMessage(message)) continue;
      if (message.type === 'ready') job.onLatency(message.latencySamples);
      else if (message.type === 'error') job.onError(`chain: ${message.message}`);
      else job.onMeters(message);
    }
  };

  const chunkBlocks = Math.min(MAX_CHUNK_BLOCKS, Math.max(MIN_CHUNK_BLOCKS, Math.ceil(length / BLOCK / PROGRESS_STEPS)));
  const chunkFrames = chunkBlocks * BLOCK;
  // Two slots each way: the thread renders from one input slot into one output slot while this
  // thread empties the other output slot and fills the other input slot.
  const inputs = [0, 1].map(() => new Float32Array(new SharedArrayBuffer(4 * CHANNELS * chunkFrames)));
  const outputs = [0, 1].map(() => new Float32Array(new SharedArrayBuffer(4 * listeners * CHANNELS * chunkFrames)));
  const channels = (buffer: Float32Array, count: number, frames: number) => Array.from({ length: count }, (_, c) => buffer.subarray(c * chunkFrames, c * chunkFrames + frames));

  thread.send({ type: 'start', plan, chunkFrames, inputs: inputs.map((b) => b.buffer as SharedArrayBuffer), outputs: outputs.map((b) => b.buffer as SharedArrayBuffer) });
  const started = await thread.reply(limitMs);
  if (started === null) {
    job.onStalled(`the direct render stalled: the processor was not constructed within ${chunkLimitSeconds} s`);
    return false;
  }
  if (started.type === 'refused') {
    // The processor refused its plan: its message names the field (and came on its port first).
    deliver(started.messages);
    job.onError(`chain: ${started.message}`);
    return true;
  }
  if (started.type !== 'started') throw new ChainRenderError(`chain: the render thread answered ${started.type} to start`);
  deliver(started.messages);

  const chunks = Math.ceil(length / chunkFrames);
  const countOf = (k: number) => Math.min(chunkFrames, length - k * chunkFrames);
  const pull = async (k: number) => {
    const count = countOf(k);
    const into = channels(inputs[k % 2]!, CHANNELS, chunkFrames);
    await job.pull(
      into.map((channel) => channel.subarray(0, count)),
      count,
    );
    // A last, partial block runs whole, on silence, as an audio thread would run it.
    for (const channel of into) channel.fill(0, count, Math.ceil(count / BLOCK) * BLOCK);
  };
  // Chunk k + 1 is queued on the thread before chunk k is done, so the thread goes from one
  // to the next without waiting for this one; `postedAt[slot]` times the stall guard.
  const postedAt = [0, 0];
  let inFlight = 0;
  const render = (k: number) => {
    thread.send({ type: 'render', slot: k % 2, blocks: Math.ceil(countOf(k) / BLOCK), frame: k * chunkFrames });
    postedAt[k % 2] = performance.now();
    inFlight++;
  };

  await pull(0);
  if (job.aborted) return true;
  render(0);
  if (chunks > 1) {
    await pull(1);
    render(1);
  }
  let lastReply = performance.now();
  for (let k = 0; k < chunks; k++) {
    // Chunk k started when it was sent or when chunk k − 1 was done, whichever came later.
    const startedAt = Math.max(postedAt[k % 2]!, lastReply);
    const reply = await thread.reply(limitMs - (performance.now() - startedAt));
    if (reply === null) {
      const seconds = (frames: number) => (frames / plan.sampleRateHz).toFixed(1);
      const frame = k * chunkFrames;
      job.onStalled(
        `the direct render stalled at ${seconds(frame)} s of ${seconds(length)} s (${Math.floor((100 * frame) / length)} %): ${seconds(countOf(k))} s of audio took more than ${chunkLimitSeconds} s`,
      );
      return false;
    }
    inFlight--;
    lastReply = performance.now();
    if (reply.type === 'failed') throw new ChainRenderError(`chain: process() failed: ${reply.message}`);
    if (reply.type !== 'rendered') throw new ChainRenderError(`chain: the render thread answered ${reply.type} to render`);
    deliver(reply.messages);
    for (const message of unpackMeters(reply.meters, listeners)) job.onMeters(message);
    if (job.aborted) return inFlight === 0;
    // While chunk k + 1 renders: chunk k's outputs, then chunk k + 2's input into the slots k used.
    const count = countOf(k);
    await job.push(
      Array.from({ length: listeners }, (_, i) => channels(outputs[k % 2]!, listeners * CHANNELS, count).slice(CHANNELS * i, CHANNELS * (i + 1))),
      count,
    );
    if (job.aborted) return inFlight === 0;
    job.progress(k * chunkFrames + count);
    if (k + 2 < chunks) {
      await pull(k + 2);
      if (job.aborted) return inFlight === 0;
      render(k + 2);
    }
  }
  return true;
}
