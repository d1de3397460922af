/**
 * A processor that refuses its plan, in real Chromium: the error that reaches the app names
 * the field, not only the browser's "invoking user-supplied constructor failed"
 * (worklets/processors/chain-processor.ts posts it; src/audio/chain-graph.ts prefers it).
 * The same refusal ends the app's WAV export with that message instead of hanging.
 */
import { AudioWorkletNode, OfflineAudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { buildChainGraph } from '../../src/audio/chain-graph.ts';
import { asGraphContext } from '../../src/audio/engine/context-types.ts';
import { compile } from '../../src/model/compile.ts';
import { setup } from '../support/setups.ts';
import { RATE, testWorkletUrl } from './engine-harness.ts';

describe('a processor that refuses its plan', () => {
  it('reports the field it refused, once, instead of the browser’s generic constructor error', async () => {
    const context = new OfflineAudioContext({ numberOfChannels: 2, length: RATE / 2, sampleRate: RATE });
    await context.audioWorklet!.addModule(await testWorkletUrl());
    const plan = compile(setup(), RATE);
    const broken = { ...plan, listeners: [{ ...plan.listeners[0]!, network: { numerator: [Number.NaN], denominator: [1] } }] };
    const errors: string[] = [];
    const graph = buildChainGraph({
      context: asGraphContext(context),
      createWorkletNode: (ctx, name, options) => new AudioWorkletNode!(ctx as never, name, options) as never,
      plan: broken,
      onError: (role, message) => errors.push(`${role}: ${message}`),
    });
    graph.outputs[0]!.connect(context.destination as never);
    await context.startRendering();
    // The event and the port message arrive within the grace period; wait past it.
    await expect.poll(() => errors.length, { timeout: 5000 }).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(errors).toEqual(['chain: headroom-chain: processorOptions.plan.listeners[0].network.numerator must be a non-empty array of finite numbers']);
    graph.dispose();
  });
});
