/**
 * LiveController: keeps its host subscribed to a LiveValue while the host is connected, and
 * hands each new value to `onValue` (which sets the host's own reactive properties, so only
 * the host re-renders, and only when what it shows changed). The LiveValue comes from a
 * property of the host (`source()`), read again before each update of the host, so a new
 * LiveValue passed down is followed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveValue } from './live-value.ts';

export class LiveController<T> implements ReactiveController {
  #subscribed: LiveValue<T> | null = null;
  #unsubscribe: (() => void) | null = null;
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly source: () => LiveValue<T> | null | undefined,
    private readonly onValue: (value: T) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow();
  }

  #follow(): void {
    const wanted = this.#connected ? (this.source() ?? null) : null;
    if (wanted === this.#subscribed) return;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#subscribed = wanted;
    if (wanted) {
      this.#unsubscribe = wanted.subscribe(this.onValue);
      // What it holds now counts too: a component mounted mid-play shows the level at once.
      this.onValue(wanted.value);
    }
  }
}
