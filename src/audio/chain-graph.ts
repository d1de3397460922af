/**
 * One chain as a Web Audio graph, built from a compiled Plan:
 *
 *   input ─ headroom-chain ═╦═ fade 1 ─ outputs[0]
 *                           ╚═ fade N ─ outputs[N-1]
 *
 * headroom-chain runs the source, the amp and the splitter in one node (one host crossing
 * per render quantum instead of three; docs/decisions.md, "One node per chain").
 *
 * `update(plan)` posts the plan to the running node, which applies it click-free. Two
 * changes need a new node: a different listener count (a node's outputs are fixed at
 * construction) and the amp appearing or going (the chain's latency changes with it). The
 * new node is then built beside the old one and, per listener:
 *
 *   old fade: 1 ─────── (warm-up) ───────╲_____________ 0      old node released
 *   new fade: 0 ─────── (warm-up) ───────╱‾‾‾‾‾‾‾‾‾‾‾‾‾ 1
 *             │← warmupSeconds (20 ms) →│← crossfade →│
 *
 * The warm-up lets the new node's latency pass and its filters settle on the signal before
 * it is heard: a node starts from silence, so its output begins with a step (the signal's
 * onset) one latency after it exists, which a fade starting at once would let through at
 * 5–15 % of its size (measured up to −28 dBFS on a −20 dBFS sine; tests/soak). The audio
 * never stops: the old node plays on until the crossfade is over.
 *
 * Host-neutral: works on any context matching graph-types.ts (no DOM, no globals but
 * setTimeout for releasing faded-out nodes).
 */
import type { Plan } from '../model/compile.ts';
import type { ContextLike, GainLike, NodeLike, WorkletNodeFactory, WorkletNodeLike } from './graph-types.ts';
import { CHANNELS, isProcessorMessage, PROCESSOR, type ChainMeters, type ProcessorRole } from './processor-contract.ts';

export interface ChainGraphOptions<C extends ContextLike> {
  context: C;
  createWorkletNode: WorkletNodeFactory<C>;
  plan: Plan;
  /** Length of the crossfade when a node is replaced; 20 ms like the processors' own ramps. */
  crossfadeSeconds?: number;
  /** How long a new node runs unheard before the crossfade; 20 ms like the processors' own lane warm-ups. */
  warmupSeconds?: number;
  /** Latency of the current node, once it has reported it (again after a rebuild). */
  onLatency?: (latencySamples: number) => void;
  /** The current node's meters, as it posts them (a retiring node's are not heard, so not passed on). */
  onMeters?: (message: ChainMeters) => void;
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
  /** The current node's latency; null until it has reported it. */
  readonly latencySamples: number | null;
  update(plan: Plan): void;
  dispose(): void;
}

/** A linear gain schedule shared by all of a core's fades: `from` until `start`, then a ramp to `to` at `end`. */
interface FadeSchedule {
  from: number;
  to: number;
  start: number;
  end: number;
}

/** One chain node and its per-listener fades. */
interface Core {
  node: WorkletNodeLike;
  latencySamples: number | null;
  fades: GainLike[];
  schedule: FadeSchedule;
  /** The processor reported an error on its port (its message names the field). */
  errorReported: boolean;
}

const DEFAULT_CROSSFADE_SECONDS = 0.02;
/**
 * How long a processorerror event waits for the processor's own 'error' message. A browser's
 * event says only "invoking user-supplied constructor failed"; the processor posts the
 * message that names the field just before it throws, and the two may arrive in either order.
 */
const PROCESSOR_ERROR_GRACE_MS = 100;
const DEFAULT_WARMUP_SECONDS = 0.02;

/** The schedule's value at `time`. */
function fadeValueAt(schedule: FadeSchedule, time: number): number {
  if (time <= schedule.start) return schedule.from;
  if (time >= schedule.end) return schedule.to;
  return schedule.from + ((schedule.to - schedule.from) * (time - schedule.start)) / (schedule.end - schedule.start);
}

export function buildChainGraph<C extends ContextLike>(options: ChainGraphOptions<C>): ChainGraph {
  const { context, createWorkletNode } = options;
  const crossfadeSeconds = options.crossfadeSeconds ?? DEFAULT_CROSSFADE_SECONDS;
  const warmupSeconds = options.warmupSeconds ?? DEFAULT_WARMUP_SECONDS;
  const input = context.createGain();
  const outputs: GainLike[] = [];
  let plan = options.plan;
  let disposed = false;
  const retiring = new Set<Core>();

  function onMessage(owner: Core, data: unknown): void {
    if (disposed || !isProcessorMessage(data) || owner !== core) return;
    if (data.type === 'ready') {
      owner.latencySamples = data.latencySamples;
      options.onLatency?.(data.latencySamples);
    } else if (data.type === 'meters') {
      options.onMeters?.(data);
    } else {
      owner.errorReported = true;
      options.onError?.('chain', data.message);
    }
  }

  function ensureOutputs(count: number): void {
    while (outputs.length < count) outputs.push(context.createGain());
  }

  /** The chain's node for `corePlan` and its fades; silent from now until `heardFrom` when `heardFrom` is given. */
  function createCore(corePlan: Plan, heardFrom: number | null): Core {
    const listeners = corePlan.listeners.length;
    const node = createWorkletNode(context, PROCESSOR.chain, {
      numberOfInputs: 1,
      numberOfOutputs: listeners,
      outputChannelCount: Array.from({ length: listeners }, () => CHANNELS),
      // Explicit stereo with speaker up-mixing: a mono input is heard on both channels.
      channelCount: CHANNELS,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      processorOptions: { plan: corePlan },
    });
    const now = context.currentTime;
    const schedule: FadeSchedule = heardFrom === null ? { from: 1, to: 1, start: now, end: now } : { from: 0, to: 1, start: heardFrom, end: heardFrom + crossfadeSeconds };
    const created: Core = { node, latencySamples: null, fades: [], schedule, errorReported: false };
    node.port.onmessage = (event) => onMessage(created, event.data);
    node.onprocessorerror = (event) => {
      const generic = event.message || 'processor error';
      setTimeout(() => {
        if (!disposed && created === core && !created.errorReported) options.onError?.('chain', generic);
      }, PROCESSOR_ERROR_GRACE_MS);
    };
    input.connect(node);
    ensureOutputs(listeners);
    for (let i = 0; i < listeners; i++) {
      const fade = context.createGain();
      node.connect(fade, i, 0);
      fade.connect(outputs[i]!);
      apply(fade, schedule, now);
      created.fades.push(fade);
    }
    return created;
  }

  /** Puts `schedule` on `fade`'s gain from `now` on (replacing whatever was scheduled). */
  function apply(fade: GainLike, schedule: FadeSchedule, now: number): void {
    fade.gain.cancelScheduledValues(now);
    fade.gain.setValueAtTime(fadeValueAt(schedule, now), now);
    if (schedule.start > now) fade.gain.setValueAtTime(schedule.from, schedule.start);
    if (schedule.end > now) fade.gain.linearRampToValueAtTime(schedule.to, schedule.end);
  }

  let core = createCore(plan, null);

  /** Crossfades from every core heard now to `next` after the warm-up; `next` was created silent until then. */
  function replace(next: Core): void {
    const now = context.currentTime;
    const start = next.schedule.start;
    for (const old of [core, ...retiring]) {
      // An old core holds the level it is heard at now through the warm-up, then fades out with the crossfade.
      old.schedule = { from: fadeValueAt(old.schedule, now), to: 0, start, end: next.schedule.end };
      for (const fade of old.fades) apply(fade, old.schedule, now);
      if (!retiring.has(old)) {
        retiring.add(old);
        releaseWhenSilent(old);
      }
    }
    core = next;
  }

  /** Drops outputs that no current or fading node feeds any more (a listener was removed). */
  function trimOutputs(): void {
    let needed = core.fades.length;
    for (const entry of retiring) needed = Math.max(needed, entry.fades.length);
    if (outputs.length <= needed) return;
    for (const output of outputs.splice(needed)) output.disconnect();
    options.onOutputsChange?.(outputs);
  }

  /** Waits for the fade to end in audio time (an offline context may run slower or faster than the clock). */
  function releaseWhenSilent(entry: Core): void {
    const check = () => {
      if (disposed || !retiring.has(entry)) return;
      if (context.currentTime < entry.schedule.end) {
        setTimeout(check, crossfadeSeconds * 1000);
        return;
      }
      retiring.delete(entry);
      release(entry);
      trimOutputs();
    };
    setTimeout(check, (warmupSeconds + crossfadeSeconds) * 1000);
  }

  /**
   * Lets the browser stop and collect a node: its processor is told it is done (it returns
   * false from process() from then on) and nothing feeds it any more. A node still fed by the
   * chain's input would be pulled every render quantum for as long as the chain lives, and
   * one whose processor asked to stay alive would run for ever (tests/browser/interaction-hour).
   */
  function release(entry: Core): void {
    entry.node.port.postMessage({ type: 'release' });
    input.disconnect(entry.node);
    entry.node.disconnect();
    entry.node.port.onmessage = null;
    entry.node.onprocessorerror = null;
    entry.node.port.close?.();
    for (const fade of entry.fades) fade.disconnect();
  }

  function update(next: Plan): void {
    if (disposed) throw new Error('chain graph is disposed');
    const ampChanged = (next.amp === null) !== (plan.amp === null);
    const countChanged = next.listeners.length !== plan.listeners.length;
    plan = next;
    if (!ampChanged && !countChanged) {
      core.node.port.postMessage({ type: 'plan', plan: next });
      return;
    }
    const grew = next.listeners.length > outputs.length;
    replace(createCore(next, context.currentTime + warmupSeconds));
    if (grew) options.onOutputsChange?.(outputs);
  }

  return {
    input,
    get outputs() {
      return outputs;
    },
    get latencySamples() {
      return core.latencySamples;
    },
    update,
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const entry of retiring) release(entry);
      retiring.clear();
      release(core);
      input.disconnect();
      for (const output of outputs) output.disconnect();
    },
  };
}
