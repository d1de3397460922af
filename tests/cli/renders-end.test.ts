/**
 * Renders always end (src/audio/offline/chain-renderer.ts, src/cli/direct-host.ts): a
 * processor that refuses its plan fails the render at once with its message, which names
 * the field; a render that stops advancing is ended by the watchdog, saying how far it got;
 * a process() that never returns is interrupted. Each within a bounded time.
 */
import { describe, expect, it } from 'vitest';
import { ChainRenderError, ChainStalledError, renderChain, type ChainHost } from '../../src/audio/offline/chain-renderer.ts';
import { directHost } from '../../src/cli/direct-host.ts';
import { compile } from '../../src/model/compile.ts';
import { renderArrays } from '../support/render-arrays.ts';
import { setup } from '../support/setups.ts';

const RATE = 48_000;
const silence = (seconds: number) => [new Float32Array(Math.round(seconds * RATE))];

describe('renders always end', () => {
  it('a plan the processor refuses fails the direct render at once, naming the field', async () => {
    const plan = compile(setup(), RATE);
    const broken = { ...plan, listeners: [{ ...plan.listeners[0]!, outputGain: -1 }] };
    let writes = 0;
    const render = renderChain(directHost(), { plan: broken, frames: RATE, input: { channelCount: 1, read: () => undefined }, output: { write: () => void writes++ } });
    await expect(render).rejects.toThrow(new ChainRenderError('chain: headroom-chain: processorOptions.plan.listeners[0].outputGain must be a finite number ≥ 0 (got -1)'));
    // Refused in the constructor, before any audio ran.
    expect(writes).toBe(0);
  });

  it('a host that stops making progress is ended by the watchdog, which says how far the render got', async () => {
    const stuck: ChainHost = {
      name: 'test',
      async render(job) {
        job.onLatency(0);
        job.progress(RATE / 2);
        await new Promise(() => undefined);
      },
    };
    const started = performance.now();
    const render = renderChain(stuck, { plan: compile(setup(), RATE), frames: RATE, input: { channelCount: 1, read: () => undefined }, output: { write: () => undefined }, stallSeconds: 1 });
    await expect(render).rejects.toThrow(new ChainStalledError('the test render stalled at 0.5 s of 1.1 s (45 %): no progress for 1 s'));
    expect((performance.now() - started) / 1000).toBeLessThan(5);
  });

  it('a host that fails mid-render fails the render with its error', async () => {
    const failing: ChainHost = {
      name: 'test',
      async render(job) {
        job.onLatency(0);
        job.onError('chain: headroom-chain: message.plan.amp.gain must be a finite number > 0 (got 0)');
        await new Promise(() => undefined);
      },
    };
    await expect(renderChain(failing, { plan: compile(setup(), RATE), frames: RATE, input: { channelCount: 1, read: () => undefined }, output: { write: () => undefined } })).rejects.toThrow(
      /message\.plan\.amp\.gain must be a finite number > 0 \(got 0\)$/,
    );
  });

  it('a process() that never returns is interrupted by the direct host’s guard', async () => {
    // A worklet script whose headroom-chain reports its latency, then spins in process(): the
    // direct host runs it on a render thread of its own and ends that thread when a chunk
    // takes longer than the limit.
    const spinning = `registerProcessor('headroom-chain', class extends AudioWorkletProcessor {
      constructor(options) { super(options); this.port.postMessage({ type: 'ready', latencySamples: 0 }); }
      process() { for (;;) {} }
    });`;
    const started = performance.now();
    await expect(renderArrays(compile(setup(), RATE), silence(1), directHost({ chunkLimitSeconds: 1, workletScript: spinning }))).rejects.toThrow(
      /^the direct render stalled at 0\.0 s of 1\.1 s \(0 %\): 0\.\d s of audio took more than 1 s$/,
    );
    expect((performance.now() - started) / 1000).toBeLessThan(10);
  });
});
