import { beforeAll, describe, expect, it } from 'vitest';
import { presets } from '../../src/model/catalog/presets.ts';
import { compile, type Plan } from '../../src/model/compile.ts';
import { BLOCK, loadProcessors, registeredProcessors, type Processors } from './harness.ts';

let p: Processors;
beforeAll(async () => {
  p = await loadProcessors(48_000);
});

const setupOf = (id: string) => presets.find((x) => x.id === id)!.setup;
const planOf = (id: string, rate = 48_000): Plan => compile(setupOf(id), rate);
const options = (plan: unknown, numberOfOutputs = 1) => ({ numberOfOutputs, processorOptions: { plan } });

describe('processor options are validated with exact messages', () => {
  it('rejects a plan for another sample rate, naming the context rate', () => {
    expect(() => new p.Source(options(planOf('phone-hd600', 44_100)))).toThrow(
      "headroom-source: processorOptions.plan.sampleRateHz must equal the context's sample rate 48000 (got 44100)",
    );
  });

  it('rejects a splitter plan without listeners', () => {
    const plan = { ...planOf('phone-hd600'), listeners: [] };
    expect(() => new p.Splitter(options(plan))).toThrow('headroom-splitter: processorOptions.plan.listeners must have 1 to 8 entries (got 0)');
  });

  it('rejects headroom-amp for a chain without an amp', () => {
    expect(() => new p.Amp(options(planOf('phone-hd600')))).toThrow(
      'headroom-amp: processorOptions.plan.amp is null; create headroom-amp only for a chain with an amp',
    );
  });

  it('rejects a non-positive clip threshold', () => {
    const plan = planOf('phone-hd600');
    expect(() => new p.Source(options({ ...plan, source: { ...plan.source, clipPeakVolts: -1 } }))).toThrow(
      'headroom-source: processorOptions.plan.source.clipPeakVolts must be a finite number > 0 (got -1)',
    );
    const amped = planOf('phone-amp-hd600');
    expect(() => new p.Amp(options({ ...amped, amp: { ...amped.amp!, clipPeakVolts: Number.NaN } }))).toThrow(
      'headroom-amp: processorOptions.plan.amp.clipPeakVolts must be a finite number > 0 (got NaN)',
    );
  });

  it('rejects a source limit that is neither "rail" nor "current", naming the allowed values', () => {
    const plan = planOf('phone-hd600');
    expect(() => new p.Source(options({ ...plan, source: { ...plan.source, limitedBy: 'x' } }))).toThrow(
      'headroom-source: processorOptions.plan.source.limitedBy must be "rail" or "current" (got "x")',
    );
    const { limitedBy: _limitedBy, ...withoutLimit } = plan.source;
    expect(() => new p.Splitter(options({ ...plan, source: withoutLimit }))).toThrow(
      'headroom-splitter: processorOptions.plan.source.limitedBy must be "rail" or "current" (got undefined)',
    );
    const amped = planOf('phone-amp-hd600');
    expect(() => new p.Amp(options({ ...amped, source: { ...amped.source, limitedBy: null } }))).toThrow(
      'headroom-amp: processorOptions.plan.source.limitedBy must be "rail" or "current" (got null)',
    );
    for (const limitedBy of ['rail', 'current'] as const) expect(() => new p.Source(options({ ...plan, source: { ...plan.source, limitedBy } }))).not.toThrow();
  });

  it('rejects an empty network denominator and an unrealisable network', () => {
    const plan = planOf('phone-hd600');
    const listener = plan.listeners[0]!;
    const bad = { ...plan, listeners: [{ ...listener, network: { numerator: [1], denominator: [] } }] };
    expect(() => new p.Splitter(options(bad))).toThrow(
      'headroom-splitter: processorOptions.plan.listeners[0].network.denominator must be a non-empty array of finite numbers',
    );
    const unstable = { ...plan, listeners: [{ ...listener, network: { numerator: [1], denominator: [-1, 1] } }] };
    expect(() => new p.Splitter(options(unstable))).toThrow(/^headroom-splitter: processorOptions\.plan\.listeners\[0\]\.network cannot be realised: H\(s\) must be stable/);
  });

  it('rejects a missing plan and a splitter whose output count differs from the listener count', () => {
    expect(() => new p.Source({ processorOptions: {} })).toThrow('headroom-source: processorOptions.plan must be a plan object (got undefined)');
    expect(() => new p.Splitter(options(planOf('laptop-splitter-two-m50x'), 1))).toThrow(
      'headroom-splitter: processorOptions.plan.listeners has 2 entries but the node has 1 outputs (numberOfOutputs must equal the listener count)',
    );
  });

  it('answers a bad port message with an error and keeps playing the previous plan', () => {
    const plan = planOf('laptop-splitter-two-m50x');
    const splitter = new p.Splitter(options(plan, 2));
    const input = [new Float32Array(BLOCK).fill(0.1), new Float32Array(BLOCK).fill(0.1)];
    const outputs = [0, 1].map(() => [new Float32Array(BLOCK), new Float32Array(BLOCK)]);
    for (let i = 0; i < 50; i++) splitter.process([input], outputs);
    const before = outputs[0]![0]![BLOCK - 1]!;
    splitter.port.send({ type: 'plan', plan: { ...plan, listeners: [plan.listeners[0]] } });
    splitter.port.send({ type: 'plan', plan: { ...plan, sampleRateHz: 44_100 } });
    splitter.port.send({ type: 'volume' });
    expect(splitter.port.ofType<{ message: string }>('error').map((m) => m.message)).toEqual([
      'headroom-splitter: message.plan.listeners has 1 entries but this node has 2 outputs; create a new headroom-splitter for a different listener count',
      "headroom-splitter: message.plan.sampleRateHz must equal the context's sample rate 48000 (got 44100)",
      `headroom-splitter: unknown message (type "volume"); expected { type: 'plan', plan } or { type: 'release' }`,
    ]);
    for (let i = 0; i < 50; i++) splitter.process([input], outputs);
    expect(outputs[0]![0]![BLOCK - 1]).toBe(before);
  });

  it('posts ready with its latency from every constructor', () => {
    const plan = planOf('phone-amp-hd600');
    for (const Processor of [p.Source, p.Amp, p.Splitter]) {
      const node = new Processor(options(plan));
      expect(node.port.messages[0]).toEqual({ type: 'ready', latencySamples: node.latencySamples });
      expect(Number.isInteger(node.latencySamples) && node.latencySamples > 0).toBe(true);
    }
  });

  it('the entry module registers exactly the three processors the product builds: the whole chain, the output limiter and the loudness meter', async () => {
    await import('../../worklets/headroom.worklet.ts');
    expect([...registeredProcessors().keys()]).toEqual(['headroom-chain', 'headroom-limiter', 'headroom-loudness']);
  });
});
