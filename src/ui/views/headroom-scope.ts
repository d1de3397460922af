/**
 * <headroom-scope>: an oscilloscope of an analyser's waveform. It triggers on a rising zero
 * crossing (with hysteresis, interpolated between samples), so a steady tone stands still and
 * a clipped sine's flat tops are plain to see. ±1 is digital full scale.
 *
 * With `autoScale` the vertical range follows the signal in 6 dB steps (±1, ±½, ±¼ … of full
 * scale), so the waveform of a quiet chain — a phone into a 300 Ω headphone sits 40 dB below
 * full scale — still fills the screen; the range in use is written on the axis. The range
 * grows at once and shrinks only after a second below half of it, so it does not flicker
 * (FollowingRange, src/drawing/analyser-grid.ts).
 *
 * Properties: `analyser` (AnalyserLike | null), `running`, `label`, `autoScale`.
 * Events: none. `trace` holds the samples of the last drawn frame (from the trigger on).
 */
import { customElement, property } from 'lit/decorators.js';
import { FollowingRange, plotArea, scopeGrid } from '../../drawing/analyser-grid.ts';
import { scopeStatus } from '../../drawing/analyser-readouts.ts';
import type { Theme } from './theme.ts';
import { AnalyserView, paintGrid, type CanvasSize } from './analyser-view.ts';
import { risingZeroCrossing, sampleAt } from '../../audio/signal-analysis.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-scope': HeadroomScope;
  }
}

const PAD = { left: 50, right: 10, top: 8, bottom: 22 };
/** Width of the window in milliseconds (limited to half the analyser's buffer). */
const TIME_SPAN_MS = 5;

@customElement('headroom-scope')
export class HeadroomScope extends AnalyserView {
  /** Follow the signal's level in 6 dB steps instead of a fixed ±1 full scale. */
  @property({ type: Boolean, attribute: 'auto-scale' }) autoScale = false;

  /** Samples drawn in the last frame, starting at the trigger point. */
  trace: Float32Array = new Float32Array(0);
  /** Whether the last frame found a trigger (otherwise it ran free from the buffer's start). */
  triggered = false;

  #samples: Float32Array<ArrayBuffer> = new Float32Array(0);
  #range = new FollowingRange();

  protected readonly kind = 'Oscilloscope';

  /** The vertical range drawn now: ±range of full scale. */
  get range(): number {
    return this.#range.range;
  }

  protected describe(): string {
    return `Oscilloscope${this.label ? ` of ${this.label}` : ''}: the waveform over ${TIME_SPAN_MS} milliseconds, full scale ±1.${this.statusText ? ` ${this.statusText}.` : ''}`;
  }

  /** The window shown (samples and ms) for this analyser. */
  #window(): { fftSize: number; span: number; spanMs: number } {
    const fftSize = this.analyser?.fftSize ?? 2048;
    const span = Math.max(8, Math.min(Math.floor(fftSize / 2), Math.round((this.sampleRate * TIME_SPAN_MS) / 1000)));
    return { fftSize, span, spanMs: (span / this.sampleRate) * 1000 };
  }

  protected override gridKey(): string {
    return `${this.range}/${TIME_SPAN_MS}/${this.analyser?.context.sampleRate}/${this.analyser?.fftSize}`;
  }

  protected drawGrid(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme): void {
    const plot = plotArea(size.width, size.height, PAD);
    paintGrid(ctx, plot, theme, scopeGrid(plot, this.range, this.#window().spanMs));
  }

  protected drawFrame(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme, live: boolean): void {
    const analyser = this.analyser;
    const plot = plotArea(size.width, size.height, PAD);
    const { fftSize, span } = this.#window();
    let peak = 0;
    if (live && analyser) {
      if (this.#samples.length !== fftSize) this.#samples = new Float32Array(fftSize);
      analyser.getFloatTimeDomainData(this.#samples);
      for (const v of this.#samples) peak = Math.max(peak, Math.abs(v));
      if (this.autoScale) this.#range.follow(peak, performance.now());
      else this.#range.reset();
    }
    if (!live || !analyser) return;
    const samples = this.#samples;
    const range = this.range;
    const trigger = risingZeroCrossing(samples, 1, fftSize - span - 1, peak * 0.02);
    this.triggered = trigger !== null;
    const start = trigger ?? 0;
    if (this.trace.length !== span) this.trace = new Float32Array(span);
    for (let i = 0; i < span; i++) this.trace[i] = sampleAt(samples, start + i);

    const x = (i: number) => plot.x + (i / (span - 1)) * plot.w;
    const y = (v: number) => plot.y + plot.h / 2 - (Math.max(-1.1, Math.min(1.1, v / range)) * plot.h) / 2;
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y - 2, plot.w, plot.h + 4);
    ctx.clip();
    ctx.strokeStyle = theme.accent;
    ctx.lineWidth = 1.75;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    for (let i = 0; i < span; i++) {
      if (i === 0) ctx.moveTo(x(i), y(this.trace[i]!));
      else ctx.lineTo(x(i), y(this.trace[i]!));
    }
    ctx.stroke();
    ctx.restore();

    if (this.statusDue()) this.statusText = scopeStatus(this.triggered, peak);
  }
}
