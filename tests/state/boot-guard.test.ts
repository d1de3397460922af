/**
 * The boot guard's rules (src/state/boot-guard.ts); tests/browser/boot-guard.e2e.test.ts
 * runs the same through the real page.
 */
import { describe, expect, it } from 'vitest';
import {
  beginBoot,
  BOOT_MARK_KEY,
  discardRecovered,
  finishBoot,
  parseRecovered,
  RECOVERED_KEY,
  recoveredFileText,
  UNFINISHED_VISIT,
  UNREADABLE_SAVED,
  withoutLink,
} from '../../src/state/boot-guard.ts';
import { importPairJson, PAIR_FILE_FORMAT } from '../../src/state/pair-file.ts';
import { serializeSavedState, STORAGE_KEY } from '../../src/state/saved-state.ts';
import { defaultPair, pairFromPreset } from '../../src/state/setup-pair.ts';
import { MemoryStorage } from './memory-storage.ts';

class BootStorage extends MemoryStorage {
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const PAGE = 'https://example.test/headroom/';
const other = () => (pairFromPreset('laptop-splitter-two-m50x') as { value: ReturnType<typeof defaultPair> }).value;

describe('the boot guard', () => {
  it('a visit that finishes leaves nothing behind: mark set at start, cleared after the first render, saved setups untouched', () => {
    const storage = new BootStorage();
    const saved = serializeSavedState(other());
    storage.setItem(STORAGE_KEY, saved);
    expect(beginBoot(storage, PAGE)).toEqual({ dropLink: false, recovered: null });
    expect(storage.getItem(BOOT_MARK_KEY)).not.toBeNull();
    finishBoot(storage);
    expect([...storage.items.keys()]).toEqual([STORAGE_KEY]);
    expect(storage.getItem(STORAGE_KEY)).toBe(saved);
  });

  it('after a visit that never finished: the saved setups and the link are set aside, kept, and offered as an importable pair file', () => {
    const storage = new BootStorage();
    const pair = other();
    storage.setItem(STORAGE_KEY, serializeSavedState(pair));
    storage.setItem(BOOT_MARK_KEY, '2026-01-01T00:00:00.000Z');
    const start = beginBoot(storage, `${PAGE}?a=AAA&b=BBB&lang=en#plots`, new Date('2026-01-02T00:00:00Z'));
    expect(start.dropLink).toBe(true);
    expect(start.recovered?.reasons).toEqual([UNFINISHED_VISIT]);
    expect(start.recovered?.linkQuery).toBe('a=AAA&b=BBB');
    // The app now finds no saved state and starts on the defaults; the copy waits in its own key.
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(parseRecovered(storage.getItem(RECOVERED_KEY))).toEqual(start.recovered);
    expect(withoutLink(`${PAGE}?a=AAA&b=BBB&lang=en#plots`).href).toBe(`${PAGE}?lang=en#plots`);
    const file = recoveredFileText(start.recovered!)!;
    expect(JSON.parse(file).format).toBe(PAIR_FILE_FORMAT);
    expect(importPairJson(file)).toEqual({ ok: true, value: pair });
  });

  it('saved setups that no longer validate are set aside with the reason, and the link still counts', () => {
    const storage = new BootStorage();
    const bad = serializeSavedState(defaultPair()).replaceAll('"nominalOhms":300', '"nominalOhms":5e-324');
    expect(bad).toContain('5e-324');
    storage.setItem(STORAGE_KEY, bad);
    const start = beginBoot(storage, `${PAGE}?preset=phone-hd600`);
    expect(start.dropLink).toBe(false);
    expect(start.recovered?.reasons).toEqual([
      'Saved state: a.headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got 5e-324)',
      'Saved state: b.headphones[0].impedance.nominalOhms must be from 0.001 to 100000 ohms (got 5e-324)',
      UNREADABLE_SAVED,
    ]);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    // Not importable as it is (the bad value is in it), but every byte of it is kept.
    expect(recoveredFileText(start.recovered!)).toContain('5e-324');
  });

  it('the set-aside copy is offered again on later visits until it is downloaded or discarded', () => {
    const storage = new BootStorage();
    storage.setItem(STORAGE_KEY, 'not json at all');
    const first = beginBoot(storage, PAGE);
    finishBoot(storage);
    expect(first.recovered?.savedText).toBe('not json at all');
    expect(recoveredFileText(first.recovered!)).toBe('not json at all');
    expect(beginBoot(storage, PAGE).recovered).toEqual(first.recovered);
    finishBoot(storage);
    discardRecovered(storage);
    expect(beginBoot(storage, PAGE).recovered).toBeNull();
  });

  it('a full or throwing storage never stops the page', () => {
    const broken = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('nope'); } };
    expect(beginBoot(broken, PAGE)).toEqual({ dropLink: false, recovered: null });
    expect(() => finishBoot(broken)).not.toThrow();
    expect(beginBoot(null, PAGE)).toEqual({ dropLink: false, recovered: null });
  });
});
