/**
 * AnimationFrameController: calls `onFrame(timeMs)` once per animation frame while the host is
 * connected and the controller is running. It stops requesting frames as soon as it is stopped
 * or the host is disconnected, and resumes on reconnection if it is still meant to run.
 *
 * The host decides when to run (typically `running && analyser !== null`) and calls
 * `setRunning` from `updated()`; the controller owns the requestAnimationFrame loop.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class AnimationFrameController implements ReactiveController {
  #wanted = false;
  #connected = false;
  #frame: number | null = null;
  /** How many frames this controller has requested since it was made (tests read it). */
  requestedFrames = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly onFrame: (timeMs: number) => void,
  ) {
    host.addController(this);
  }

  /** True while a frame is requested. */
  get active(): boolean {
    return this.#frame !== null;
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
    if (shouldRun && this.#frame === null) this.#request();
    if (!shouldRun && this.#frame !== null) {
      cancelAnimationFrame(this.#frame);
      this.#frame = null;
    }
  }

  #request(): void {
    this.requestedFrames += 1;
    this.#frame = requestAnimationFrame(this.#tick);
  }

  #tick = (timeMs: number): void => {
    this.#frame = null;
    if (!this.#wanted || !this.#connected) return;
    // Request the next frame first, so a throwing draw does not stop the loop for good.
    this.#request();
    this.onFrame(timeMs);
  };
}
