/**
 * The simulated level as a readout a person can read, and the hearing warning beside it. The
 * live readings come 30 a second: the readout shows the loudest of each READOUT_MS, a pace a
 * number can be read at. The warning comes with the first reading above the safe level and
 * stays WARNING_HOLD_MS after the last one, so music dancing around the limit does not make it
 * blink.
 */
export const READOUT_MS = 250;
export const WARNING_HOLD_MS = 3000;

export class SplReadout {
  /** The level shown, dB SPL to 0.1 dB; null while nothing is heard. */
  shown: number | null = null;
  /** A reading above the safe level came within WARNING_HOLD_MS. */
  loudLately = false;
  #loudUntil = 0;
  #shownAt = 0;
  #loudest = -Infinity;

  constructor(private readonly safeDbSpl: number) {}

  /** Another listener or side is heard: its level shows at once, and a warning held for the other goes. */
  reset(): void {
    this.#shownAt = -Infinity;
    this.#loudest = -Infinity;
    this.#loudUntil = 0;
  }

  /** A reading (undefined or not finite: nothing heard) at `now` ms. */
  read(splDb: number | undefined, now: number): void {
    if (splDb === undefined || !Number.isFinite(splDb)) {
      this.shown = null;
      this.loudLately = false;
      this.#loudest = -Infinity;
      return;
    }
    if (splDb > this.safeDbSpl) this.#loudUntil = now + WARNING_HOLD_MS;
    this.loudLately = now < this.#loudUntil;
    this.#loudest = Math.max(this.#loudest, splDb);
    if (this.shown === null || now - this.#shownAt >= READOUT_MS) {
      this.shown = Math.round(this.#loudest * 10) / 10;
      this.#shownAt = now;
      this.#loudest = -Infinity;
    }
  }
}
