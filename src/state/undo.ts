/**
 * The user's pairs before each replacement they did not type themselves (a preset, an import,
 * a link shown instead of the saved pair), newest last, so every replacement can be undone.
 * Pure data: the app shows the Undo button and listens for Ctrl/Cmd+Z.
 */
import type { SetupPair } from './setup-pair.ts';

export interface UndoEntry {
  /** What replaced the pair, for the button: "Loaded preset “Phone → HD 600”". */
  label: string;
  /** The pair before the replacement (a copy). */
  pair: SetupPair;
}

export class UndoStack {
  readonly #entries: UndoEntry[] = [];

  /** At most this many replacements are kept; the oldest goes first. */
  constructor(readonly limit = 20) {}

  get size(): number {
    return this.#entries.length;
  }

  /** The replacement an undo would take back, if any. */
  get last(): UndoEntry | null {
    return this.#entries.at(-1) ?? null;
  }

  push(label: string, pair: SetupPair): void {
    this.#entries.push({ label, pair: structuredClone(pair) });
    if (this.#entries.length > this.limit) this.#entries.shift();
  }

  /** Takes back the last replacement: the pair to restore, or null when there is nothing to undo. */
  pop(): UndoEntry | null {
    return this.#entries.pop() ?? null;
  }
}
