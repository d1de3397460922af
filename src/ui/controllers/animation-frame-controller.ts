/**
 * AnimationFrameController: calls `onFrame(timeMs)` once per live frame (live-frames.ts: a
 * few tens a second, in step with every other live view) while the host is connected and the
 * controller is running. It stops requesting frames as soon as it is stopped or the host is
 * disconnected, and resumes on reconnection if it is still meant to run.
 *
 * The host decides when to run (typically `running && analyser !== null`) and calls
 * `setRunning` from `updated()`; the controller owns the requestAnimationFrame loop.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nextLiveFrame } from './live-frames.ts';

export class AnimationFrameController implements ReactiveController {
  #wanted = false;
  #connected = false;
  #cancel: (() => void) | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly onFrame: (timeMs: number) => void,
  ) {
    host.addController(this);
  }

  /** True while a frame is requested. */
  get active(): boolean {
    return this.#cancel !== null;
  }

  setRunning(running: boolean): void {
    this.#wanted = running;
    this.#sync();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#sync();
  }

  #sync(): void {
    const shouldRun = this.#wanted && this.#connected;
    if (shouldRun && this.#cancel === null) this.#cancel = nextLiveFrame(this.#tick);
    if (!shouldRun && this.#cancel !== null) {
      this.#cancel();
      this.#cancel = null;
    }
  }

  #tick = (timeMs: number): void => {
    this.#cancel = null;
    if (!this.#wanted || !this.#connected) return;
    // Request the next frame first, so a throwing draw does not stop the loop for good.
    this.#cancel = nextLiveFrame(this.#tick);
    this.onFrame(timeMs);
  };
}
