/**
 * EngineController: the listening session (src/audio/engine/listening-session.ts) as a Lit
 * reactive controller. The app uses it for A and B; <headroom-sim> (src/embed) for one setup
 * alone. The host re-renders when the session says something it shows changed; the heard
 * listener's levels and the play position, which move all the time while playing, go to
 * LiveValues that only the meters, the level readout and the seek bar subscribe to
 * (docs/decisions.md, "A quiet page").
 *
 * With `warmUp` (the app) the engine is made while the page is idle after it loads, so Play
 * sounds at once (docs/decisions.md, "First sound"); without (an embedded element, which may
 * share a page with many others) only the demo track is made then, and the engine on Play.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ListeningEngine, ListeningSession, type EnginePair, type ListenerMeters, type Side } from '../../audio/engine/index.ts';
import { loadBuiltIn, prepareBuiltIn, readyBuiltIn } from '../../audio/sources/built-in-material.ts';
import { LiveValue } from '../controllers/live-value.ts';
import { whenIdle } from '../controllers/when-idle.ts';

export class EngineController extends ListeningSession implements ReactiveController {
  /** The levels of the heard listener of each side, while playing (undefined otherwise). */
  readonly meters: Record<Side, LiveValue<ListenerMeters | undefined>> = { A: new LiveValue<ListenerMeters | undefined>(undefined), B: new LiveValue<ListenerMeters | undefined>(undefined) };
  /** Seconds into the material. */
  readonly position = new LiveValue(0);

  constructor(
    private readonly host: ReactiveControllerHost,
    pair: EnginePair,
    private readonly options: { warmUp?: boolean } = {},
  ) {
    super(pair, { create: (engineOptions) => ListeningEngine.create(engineOptions), loadBuiltIn, readyBuiltIn, prepareBuiltIn });
    host.addController(this);
  }

  hostConnected(): void {
    const closings = this.closings;
    whenIdle(() => {
      // Gone from the page before the page went idle: nothing to prepare for.
      if (closings !== this.closings) return;
      if (this.options.warmUp) void this.prepare();
      else prepareBuiltIn({ kind: 'demo' });
    });
  }

  hostDisconnected(): void {
    this.close();
  }

  protected override changed(): void {
    this.host.requestUpdate();
  }

  protected override showMeters(side: Side, meters: ListenerMeters | undefined): void {
    this.meters[side].set(meters);
  }

  protected override showPosition(seconds: number): void {
    this.position.set(seconds);
  }
}
