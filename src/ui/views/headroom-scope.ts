/**
 * <headroom-scope>: an oscilloscope of an analyser's waveform. It triggers on a rising zero
 * crossing (with hysteresis, interpolated between samples), so a steady tone stands still and
 * a clipped sine's flat tops are plain to see. ±1 is digital full scale.
 *
 * With `autoScale` the vertical range follows the signal in 6 dB steps (±1, ±½, ±¼ … of full
 * scale), so the waveform of a quiet chain — a phone into a 300 Ω headphone sits 40 dB below
 * full scale — still fills the screen; the range in use is written on the axis. The range
 * grows at once and shrinks only after a second below half of it, so it does not flicker.
 *
 * Properties: `analyser` (AnalyserLike | null), `running`, `label`, `autoScale`.
 * Events: none. `trace` holds the samples of the last drawn frame (from the trigger on).
 */
import { customElement, property } from 'lit/decorators.js';
import { MINUS, number } from '../../text/format.ts';
import type { Theme } from './theme.ts';
import { AnalyserView, crisp, MAX_TICKS, type CanvasSize } from './analyser-view.ts';
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

  /** The vertical range drawn now: ±range of full scale. */
  range = 1;

  /** Samples drawn in the last frame, starting at the trigger point. */
  trace: Float32Array = new Float32Array(0);
  /** Whether the last frame found a trigger (otherwise it ran free from the buffer's start). */
  triggered = false;

  #samples: Float32Array<ArrayBuffer> = new Float32Array(0);
  #statusAt = 0;
  #shrinkSince = 0;
  #ranged = false;

  protected readonly kind = 'Oscilloscope';

  protected describe(): string {
    return `Oscilloscope${this.label ? ` of ${this.label}` : ''}: the waveform over ${TIME_SPAN_MS} milliseconds, full scale ±1.${this.statusText ? ` ${this.statusText}.` : ''}`;
  }

  /** The window shown (samples and ms) and the plot area, for this analyser and size. */
  #layout(size: CanvasSize): { fftSize: number; span: number; spanMs: number; plot: { x: number; y: number; w: number; h: number } } {
    const sampleRate = this.analyser?.context.sampleRate ?? 48_000;
    const fftSize = this.analyser?.fftSize ?? 2048;
    const span = Math.max(8, Math.min(Math.floor(fftSize / 2), Math.round((sampleRate * TIME_SPAN_MS) / 1000)));
    const plot = { x: PAD.left, y: PAD.top, w: size.width - PAD.left - PAD.right, h: size.height - PAD.top - PAD.bottom };
    return { fftSize, span, spanMs: (span / sampleRate) * 1000, plot };
  }

  protected override gridKey(): string {
    return `${this.range}/${TIME_SPAN_MS}/${this.analyser?.context.sampleRate}/${this.analyser?.fftSize}`;
  }

  protected drawGrid(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme): void {
    const { plot, spanMs } = this.#layout(size);
    this.#grid(ctx, plot, theme, spanMs);
  }

  protected drawFrame(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme, live: boolean): void {
    const analyser = this.analyser;
    const { fftSize, span, plot } = this.#layout(size);
    let peak = 0;
    if (live && analyser) {
      if (this.#samples.length !== fftSize) this.#samples = new Float32Array(fftSize);
      analyser.getFloatTimeDomainData(this.#samples);
      for (const v of this.#samples) peak = Math.max(peak, Math.abs(v));
      this.#follow(peak);
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

    const now = performance.now();
    if (now - this.#statusAt > 250) {
      this.#statusAt = now;
      const peakDbfs = peak > 0 ? 20 * Math.log10(peak) : -Infinity;
      this.statusText = `${this.triggered ? 'Triggered' : 'Free running'} · peak ${number(peakDbfs, 1)} dBFS`;
    }
  }

  /** Picks the smallest 6 dB step that holds `peak`; grows at once, shrinks after 1 s. */
  #follow(peak: number): void {
    if (!this.autoScale) {
      this.range = 1;
      this.#ranged = false;
      return;
    }
    // ±2^-k of full scale, down to −60 dBFS: below that there is nothing worth seeing.
    const wanted = peak > 0 ? Math.min(1, Math.max(2 ** -10, 2 ** Math.ceil(Math.log2(peak)))) : this.range;
    const now = performance.now();
    if (!this.#ranged && peak > 0) {
      // The first signal sets the range at once; only later changes wait.
      this.#ranged = true;
      this.range = wanted;
    } else if (wanted > this.range) {
      this.range = wanted;
      this.#shrinkSince = 0;
    } else if (wanted < this.range) {
      if (this.#shrinkSince === 0) this.#shrinkSince = now;
      else if (now - this.#shrinkSince > 1000) {
        this.range = wanted;
        this.#shrinkSince = 0;
      }
    } else {
      this.#shrinkSince = 0;
    }
  }

  #grid(ctx: CanvasRenderingContext2D, plot: { x: number; y: number; w: number; h: number }, theme: Theme, spanMs: number): void {
    ctx.fillStyle = theme.surface2;
    ctx.fillRect(plot.x, plot.y, plot.w, plot.h);
    ctx.lineWidth = 1;
    ctx.font = `12px ${theme.font}`;
    ctx.fillStyle = theme.muted;
    // Amplitude: full scale ±1, half scale, zero.
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of [1, 0.5, 0, -0.5, -1]) {
      const yy = crisp(plot.y + plot.h / 2 - (v * plot.h) / 2);
      ctx.strokeStyle = v === 0 ? theme.muted : theme.border;
      ctx.setLineDash(Math.abs(v) === 1 ? [] : [3, 3]);
      ctx.beginPath();
      ctx.moveTo(plot.x, yy);
      ctx.lineTo(plot.x + plot.w, yy);
      ctx.stroke();
      if (v !== 0.5 && v !== -0.5) ctx.fillText(v === 0 ? '0' : `${v > 0 ? '+' : MINUS}${formatRange(this.range)}`, plot.x - 6, yy);
    }
    ctx.setLineDash([]);
    // Time: a line every 1, 2, 5, 10 … ms, about every 60 px.
    const step = niceStep(spanMs / Math.max(1, plot.w / 60));
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let i = 0, t = 0; t <= spanMs + 1e-9 && i < MAX_TICKS; i++, t = i * step) {
      const xx = crisp(plot.x + (t / spanMs) * plot.w);
      ctx.strokeStyle = theme.border;
      ctx.beginPath();
      ctx.moveTo(xx, plot.y);
      ctx.lineTo(xx, plot.y + plot.h);
      ctx.stroke();
      const last = t + step > spanMs + 1e-9;
      ctx.textAlign = t === 0 ? 'left' : last ? 'right' : 'center';
      ctx.fillText(last ? `${trimMs(t)} ms` : trimMs(t), xx, plot.y + plot.h + 5);
    }
    ctx.save();
    ctx.translate(10, plot.y + plot.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(this.range === 1 ? 'FS' : `FS (${number(20 * Math.log10(this.range), 0)} dB)`, 0, 0);
    ctx.restore();
  }
}

/** 1, 0.5, 0.25, 0.13, 0.063 … — two significant digits are enough to read a range. */
function formatRange(range: number): string {
  return range >= 0.25 ? String(range) : String(Number(range.toPrecision(2)));
}

/** 1, 2 or 5 times a power of ten, at least `raw` (a tick step); 1 for a step that is no number. */
function niceStep(raw: number): number {
  if (!(raw > 1e-12) || !Number.isFinite(raw)) return 1;
  const decade = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * decade >= raw) return m * decade;
  return 10 * decade;
}

function trimMs(t: number): string {
  return String(Number(t.toPrecision(3)));
}
