/**
 * One chain as a Web Audio graph, built from a compiled Plan:
 *
 *   input ─ headroom-source ─ [headroom-amp] ─ headroom-splitter ═╦═ fade 1 ─ outputs[0]
 *                                                                 ╚═ fade N ─ outputs[N-1]
 *
 * `update(plan)` posts the plan to the running processors, which apply it click-free.
 * Two changes need new nodes: a different listener count (the splitter's outputs are
 * fixed at construction) and the amp appearing or going (the source's job changes with
 * it). Then the new nodes are built beside the old ones and the per-listener fades
 * crossfade from old to new over `crossfadeSeconds`, so the audio never stops and never
 * clicks; the old nodes are released once their fade is over.
 *
 * Host-neutral: works on any context matching graph-types.ts (no DOM, no globals but
 * setTimeout for releasing faded-out nodes).
 */
import type { Plan } from '../model/compile.ts';
import type { ContextLike, GainLike, NodeLike, WorkletNodeFactory, WorkletNodeLike } from './graph-types.ts';
import { CHANNELS, isProcessorMessage, PROCESSOR, type ProcessorMessage, type ProcessorRole } from './processor-contract.ts';

export interface ChainGraphOptions<C extends ContextLike> {
  context: C;
  createWorkletNode: WorkletNodeFactory<C>;
  plan: Plan;
  /** Length of the crossfade when nodes are replaced; 20 ms like the processors' own ramps. */
  crossfadeSeconds?: number;
  /** Total latency of the current nodes, once every one of them has reported it (again after a rebuild). */
  onLatency?: (latencySamples: number) => void;
  /** Every meters message of the current nodes, tagged with the node's role. */
  onMeters?: (role: ProcessorRole, message: Extract<ProcessorMessage, { type: 'meters' }>) => void;
  /** An 'error' message or a processor error (e.g. its constructor rejected the plan). */
  onError?: (role: ProcessorRole, message: string) => void;
  /** The outputs array changed: a listener was added, or a removed one has faded out. */
  onOutputsChange?: (outputs: readonly NodeLike[]) => void;
}

export interface ChainGraph {
  /** Connect the signal here (mono is heard on both channels). */
  readonly input: NodeLike;
  /** One stereo acoustic output per listener, stable across updates. */
  readonly outputs: readonly NodeLike[];
  /** Sum of the current nodes' latencies; null until all have reported. */
  readonly latencySamples: number | null;
  update(plan: Plan): void;
  dispose(): void;
}

interface Stage {
  role: ProcessorRole;
  node: WorkletNodeLike;
  latencySamples: number | null;
}

/** The nodes that make the sound now; `stages` run in signal order, the splitter last. */
interface Core {
  stages: Stage[];
  fades: GainLike[];
}

const DEFAULT_CROSSFADE_SECONDS = 0.02;

export function buildChainGraph<C extends ContextLike>(options: ChainGraphOptions<C>): ChainGraph {
  const { context, createWorkletNode } = options;
  const crossfadeSeconds = options.crossfadeSeconds ?? DEFAULT_CROSSFADE_SECONDS;
  const input = context.createGain();
  const outputs: GainLike[] = [];
  let plan = options.plan;
  let disposed = false;
  const retiring = new Set<Core>();

  function createStage(role: ProcessorRole, stagePlan: Plan): Stage {
    const listeners = stagePlan.listeners.length;
    const node = createWorkletNode(context, PROCESSOR[role], {
      numberOfInputs: 1,
      numberOfOutputs: role === 'splitter' ? listeners : 1,
      outputChannelCount: Array.from({ length: role === 'splitter' ? listeners : 1 }, () => CHANNELS),
      // Explicit stereo with speaker up-mixing: a mono input is heard on both channels.
      channelCount: CHANNELS,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      processorOptions: { plan: stagePlan },
    });
    const stage: Stage = { role, node, latencySamples: null };
    node.port.onmessage = (event) => onMessage(stage, event.data);
    node.onprocessorerror = (event) => {
      if (isCurrent(stage)) options.onError?.(role, event.message || 'processor error');
    };
    return stage;
  }

  function isCurrent(stage: Stage): boolean {
    return core.stages.includes(stage);
  }

  function onMessage(stage: Stage, data: unknown): void {
    if (disposed || !isProcessorMessage(data)) return;
    if (data.type === 'ready') {
      stage.latencySamples = data.latencySamples;
      const total = currentLatency();
      if (isCurrent(stage) && total !== null) options.onLatency?.(total);
    } else if (data.type === 'meters') {
      if (isCurrent(stage)) options.onMeters?.(stage.role, data);
    } else if (isCurrent(stage)) {
      options.onError?.(stage.role, data.message);
    }
  }

  function currentLatency(): number | null {
    let total = 0;
    for (const stage of core.stages) {
      if (stage.latencySamples === null) return null;
      total += stage.latencySamples;
    }
    return total;
  }

  function ensureOutputs(count: number): void {
    while (outputs.length < count) outputs.push(context.createGain());
  }

  /** Splitter plus its fades, fed by `upstream` (the last of the source/amp stages). */
  function attachSplitter(upstream: Stage[], splitterPlan: Plan, fadeIn: boolean): Core {
    const splitter = createStage('splitter', splitterPlan);
    upstream[upstream.length - 1]!.node.connect(splitter.node);
    ensureOutputs(splitterPlan.listeners.length);
    const fades = splitterPlan.listeners.map((_, i) => {
      const fade = context.createGain();
      splitter.node.connect(fade, i, 0);
      fade.connect(outputs[i]!);
      if (fadeIn) ramp(fade, 0, 1);
      return fade;
    });
    return { stages: [...upstream, splitter], fades };
  }

  function createUpstream(upstreamPlan: Plan): Stage[] {
    const stages = [createStage('source', upstreamPlan)];
    if (upstreamPlan.amp) stages.push(createStage('amp', upstreamPlan));
    input.connect(stages[0]!.node);
    for (let k = 1; k < stages.length; k++) stages[k - 1]!.node.connect(stages[k]!.node);
    return stages;
  }

  function ramp(fade: GainLike, from: number, to: number): void {
    const now = context.currentTime;
    fade.gain.cancelScheduledValues(now);
    fade.gain.setValueAtTime(from, now);
    fade.gain.linearRampToValueAtTime(to, now + crossfadeSeconds);
  }

  let core = attachSplitter(createUpstream(plan), plan, false);

  function replace(next: Core): void {
    const old = core;
    core = next;
    for (const fade of old.fades) ramp(fade, 1, 0);
    const keep = new Set(next.stages.map((s) => s.node));
    const entry: Core = { stages: old.stages.filter((s) => !keep.has(s.node)), fades: old.fades };
    retiring.add(entry);
    releaseWhenSilent(entry, context.currentTime + crossfadeSeconds);
  }

  /** Drops outputs that no current or fading splitter feeds any more (a listener was removed). */
  function trimOutputs(): void {
    let needed = core.fades.length;
    for (const entry of retiring) needed = Math.max(needed, entry.fades.length);
    if (outputs.length <= needed) return;
    for (const output of outputs.splice(needed)) output.disconnect();
    options.onOutputsChange?.(outputs);
  }

  /** Waits for the fade to end in audio time (an offline context may run slower or faster than the clock). */
  function releaseWhenSilent(entry: Core, endTime: number): void {
    const check = () => {
      if (disposed || !retiring.has(entry)) return;
      if (context.currentTime < endTime) {
        setTimeout(check, crossfadeSeconds * 1000);
        return;
      }
      retiring.delete(entry);
      release(entry.stages, entry.fades);
      trimOutputs();
    };
    setTimeout(check, crossfadeSeconds * 1000 * 2);
  }

  function release(stages: Stage[], fades: GainLike[]): void {
    for (const stage of stages) {
      stage.node.disconnect();
      stage.node.port.onmessage = null;
      stage.node.onprocessorerror = null;
      stage.node.port.close?.();
    }
    for (const fade of fades) fade.disconnect();
  }

  function update(next: Plan): void {
    if (disposed) throw new Error('chain graph is disposed');
    const ampChanged = (next.amp === null) !== (plan.amp === null);
    const countChanged = next.listeners.length !== plan.listeners.length;
    plan = next;
    if (!ampChanged && !countChanged) {
      for (const stage of core.stages) stage.node.port.postMessage({ type: 'plan', plan: next });
      return;
    }
    const upstream = ampChanged ? createUpstream(next) : core.stages.slice(0, -1);
    if (!ampChanged) for (const stage of upstream) stage.node.port.postMessage({ type: 'plan', plan: next });
    const grew = next.listeners.length > outputs.length;
    replace(attachSplitter(upstream, next, true));
    if (grew) options.onOutputsChange?.(outputs);
  }

  return {
    input,
    get outputs() {
      return outputs;
    },
    get latencySamples() {
      return currentLatency();
    },
    update,
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const entry of retiring) release(entry.stages, entry.fades);
      retiring.clear();
      release(core.stages, core.fades);
      input.disconnect();
      for (const output of outputs) output.disconnect();
    },
  };
}
