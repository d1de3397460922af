/** An in-memory Storage double for the state tests. */
import type { StorageLike } from '../../src/state/saved-state.ts';

export class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}
