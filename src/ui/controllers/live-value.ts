/**
 * LiveValue: a value that changes many times a second (a meter reading, the play position)
 * and is shown by one or two small components. Whoever produces it calls `set`; whoever
 * shows it subscribes (through LiveController). Subscribers hear of it once per live frame
 * (live-frames.ts), with the latest value, so thirty meter messages a second cost at most
 * thirty small re-renders of one meter, not thirty of the whole app (docs/decisions.md,
 * "A quiet page").
 */
import { nextLiveFrame } from './live-frames.ts';

export class LiveValue<T> {
  #value: T;
  #listeners = new Set<(value: T) => void>();
  #cancel: (() => void) | null = null;

  constructor(initial: T) {
    this.#value = initial;
  }

  get value(): T {
    return this.#value;
  }

  /** Stores `value`; subscribers are told in the next live frame (once, however many sets). */
  set(value: T): void {
    this.#value = value;
    if (this.#cancel || this.#listeners.size === 0) return;
    this.#cancel = nextLiveFrame(() => {
      this.#cancel = null;
      for (const listener of this.#listeners) listener(this.#value);
    });
  }

  /** Calls `listener` with each new value from now on; returns the unsubscribe. */
  subscribe(listener: (value: T) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#cancel?.();
        this.#cancel = null;
      }
    };
  }
}
