/**
 * Click-free changes of one AudioParam: every change is a linear ramp that starts at the
 * value the parameter has at that moment, even in the middle of an earlier ramp.
 *
 * Why keep the schedule here rather than use cancelAndHoldAtTime: a ramp scheduled for a
 * future time needs an explicit start event (a bare linearRampToValueAtTime starts from
 * the previous event, which may be long ago), and its value there is only known if we
 * know what was scheduled before. Recording the last ramp gives that value exactly.
 */
import type { IAudioParam } from 'standardized-audio-context';

export class ParamRamp {
  private from: number;
  private target: number;
  private startTime = 0;
  private endTime = 0;

  /**
   * `geometric`: exponential ramps (equal steps in dB), for levels, where a linear ramp
   * from −40 dB would rise by 4 dB in its first millisecond; values must then stay > 0.
   */
  constructor(
    private readonly param: IAudioParam,
    initial: number,
    private readonly geometric = false,
  ) {
    this.from = initial;
    this.target = initial;
    param.value = initial;
  }

  /** Where the ramp will end (the last value asked for). */
  get value(): number {
    return this.target;
  }

  /** The scheduled value at context time `t`. */
  valueAt(t: number): number {
    if (t >= this.endTime) return this.target;
    if (t <= this.startTime) return this.from;
    const fraction = (t - this.startTime) / (this.endTime - this.startTime);
    if (this.geometric) return this.from * (this.target / this.from) ** fraction;
    return this.from + (this.target - this.from) * fraction;
  }

  /** Ramps linearly to `value` over `seconds`, starting at context time `when`. */
  to(value: number, when: number, seconds: number): void {
    // Already there and staying: schedule nothing (the match re-asserts its gains every 100 ms).
    if (value === this.target && when >= this.endTime) return;
    const start = this.valueAt(when);
    this.param.cancelScheduledValues(when);
    this.param.setValueAtTime(start, when);
    if (seconds > 0 && this.geometric) this.param.exponentialRampToValueAtTime(value, when + seconds);
    else if (seconds > 0) this.param.linearRampToValueAtTime(value, when + seconds);
    else this.param.setValueAtTime(value, when);
    this.from = start;
    this.target = value;
    this.startTime = when;
    this.endTime = when + Math.max(0, seconds);
  }
}
