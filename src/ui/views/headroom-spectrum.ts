/**
 * <headroom-spectrum>: a spectrum analyser of an AnalyserNode, log frequency 20 Hz–20 kHz
 * (or Nyquist), level in dB. It finds the strongest peak and, for a steady tone (`harmonics`
 * set: the sound is a sine), marks its harmonics (2, 3, …) with their level relative to it
 * (dBc), so a clipped sine's distortion can be read off. On music the strongest peak's
 * "harmonics" would be other notes, and marking them would suggest distortion that is not
 * there, so they are not marked.
 *
 * Properties: `analyser` (AnalyserLike | null), `running`, `harmonics`, `label`. Events: none. `peak` and `harmonicLevels` hold
 * the last frame's readings; a table for screen readers lists the strongest components.
 */
import { customElement, property, state } from 'lit/decorators.js';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { formatHz, number } from '../../text/format.ts';
import type { Theme } from './theme.ts';
import { AnalyserView, crisp, MAX_TICKS, type CanvasSize } from './analyser-view.ts';
import { harmonicsOf, strongestPeak, strongestPeaks, type Harmonic, type SpectralPeak } from '../../audio/signal-analysis.ts';
import { shortHz } from './uplot-view.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-spectrum': HeadroomSpectrum;
  }
}

const PAD = { left: 40, right: 10, top: 18, bottom: 22 };
const MIN_HZ = 20;
/** Components listed for screen readers. */
const LISTED_PEAKS = 5;
/** Bottom and top of the level axis, dB (the analyser's float data, 0 dB = full-scale bin). */
const MIN_DB = -120;
const MAX_DB = 0;
/** Harmonics to look for, counting the fundamental as 1. */
const HARMONIC_COUNT = 10;

@customElement('headroom-spectrum')
export class HeadroomSpectrum extends AnalyserView {
  /** The sound is a steady tone: mark the strongest peak's harmonics. */
  @property({ type: Boolean }) harmonics = false;

  /** The strongest peak of the last frame, or null. */
  peak: SpectralPeak | null = null;
  /** Harmonics 2..HARMONIC_COUNT of `peak` in the last frame (none unless `harmonics`). */
  harmonicLevels: Harmonic[] = [];

  /** The strongest components, for the screen-reader table (refreshed with the status). */
  @state() private components: SpectralPeak[] = [];

  #db: Float32Array<ArrayBuffer> = new Float32Array(0);
  #statusAt = 0;

  protected readonly kind = 'Spectrum';

  protected describe(): string {
    return `Spectrum analyser${this.label ? ` of ${this.label}` : ''}, 20 Hz to 20 kHz on a log axis, level in dB.${this.statusText ? ` ${this.statusText}.` : ''}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('running') && !this.running) this.components = [];
  }

  protected override figures(): TemplateResult {
    return html`<div class="visually-hidden"><table data-testid="figures">
      <caption>
        Strongest components of the spectrum${this.label ? ` of ${this.label}` : ''}
      </caption>
      <thead>
        <tr><th scope="col">Frequency</th><th scope="col">Level (dB)</th></tr>
      </thead>
      <tbody>
        ${this.components.length === 0
          ? html`<tr><td colspan="2">No signal</td></tr>`
          : this.components.map((p) => html`<tr><td>${hzText(p.hz)}</td><td>${number(p.db, 1)}</td></tr>`)}
      </tbody>
    </table></div>`;
  }

  /** The plot area and its axes (frequency on a log scale, level in dB) for this analyser and size. */
  #axes(size: CanvasSize): { sampleRate: number; maxHz: number; plot: { x: number; y: number; w: number; h: number }; x: (hz: number) => number; y: (db: number) => number } {
    const sampleRate = this.analyser?.context.sampleRate ?? 48_000;
    const maxHz = Math.min(20_000, sampleRate / 2);
    const plot = { x: PAD.left, y: PAD.top, w: size.width - PAD.left - PAD.right, h: size.height - PAD.top - PAD.bottom };
    const logMin = Math.log10(MIN_HZ);
    const logSpan = Math.log10(maxHz) - logMin;
    const x = (hz: number) => plot.x + ((Math.log10(hz) - logMin) / logSpan) * plot.w;
    const y = (db: number) => plot.y + ((MAX_DB - Math.max(MIN_DB, Math.min(MAX_DB, db))) / (MAX_DB - MIN_DB)) * plot.h;
    return { sampleRate, maxHz, plot, x, y };
  }

  protected override gridKey(): string {
    return `${MIN_DB}/${MAX_DB}/${this.analyser?.context.sampleRate}`;
  }

  protected drawGrid(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme): void {
    const { plot, x, y, maxHz } = this.#axes(size);
    this.#grid(ctx, plot, theme, x, y, maxHz);
  }

  protected drawFrame(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme, live: boolean): void {
    const analyser = this.analyser;
    if (!live || !analyser) return;
    const { sampleRate, maxHz, plot, x, y } = this.#axes(size);

    const bins = analyser.frequencyBinCount;
    if (this.#db.length !== bins) this.#db = new Float32Array(bins);
    analyser.getFloatFrequencyData(this.#db);
    const db = this.#db;
    const binHz = sampleRate / analyser.fftSize;

    // The curve: every bin where bins are wider than a pixel, the loudest bin per pixel column above.
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x, plot.y, plot.w, plot.h);
    ctx.clip();
    ctx.beginPath();
    let started = false;
    let column = -1;
    let columnMax = -Infinity;
    const firstBin = Math.max(1, Math.floor(MIN_HZ / binHz));
    const lastBin = Math.min(bins - 1, Math.ceil(maxHz / binHz));
    for (let k = firstBin; k <= lastBin; k++) {
      const px = Math.round(x(Math.max(MIN_HZ, k * binHz)));
      const value = Number.isFinite(db[k]!) ? db[k]! : MIN_DB;
      if (px === column) {
        columnMax = Math.max(columnMax, value);
        continue;
      }
      if (column >= 0) {
        if (!started) ctx.moveTo(column, y(columnMax));
        else ctx.lineTo(column, y(columnMax));
        started = true;
      }
      column = px;
      columnMax = value;
    }
    if (column >= 0) ctx.lineTo(column, y(columnMax));
    ctx.strokeStyle = theme.accent;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    ctx.stroke();
    // A line, not a filled area: filling it every frame was the dearest part of the drawing (docs/decisions.md, "A quiet page").
    ctx.restore();

    // The strongest peak and, for a tone, its harmonics.
    const peak = strongestPeak(db, sampleRate, analyser.fftSize, MIN_HZ);
    this.peak = peak;
    this.harmonicLevels = peak && this.harmonics ? harmonicsOf(db, peak, sampleRate, analyser.fftSize, HARMONIC_COUNT, MIN_DB) : [];
    if (peak && peak.db > MIN_DB) {
      ctx.font = `600 12px ${theme.font}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      this.#marker(ctx, x(peak.hz), y(peak.db), plot.y, theme.accent, '1');
      let lastLabelX = x(peak.hz);
      for (const h of this.harmonicLevels) {
        if (!h.significant || h.hz > maxHz) continue;
        const hx = x(h.hz);
        // Label only where there is room; the tick is always drawn.
        const label = hx - lastLabelX >= 14 ? String(h.n) : '';
        if (label) lastLabelX = hx;
        this.#marker(ctx, hx, y(h.db), plot.y, theme.warn, label);
      }
    }

    const now = performance.now();
    if (now - this.#statusAt > 250) {
      this.#statusAt = now;
      this.statusText = peak ? statusLine(peak, this.harmonicLevels) : 'No signal';
      this.components = strongestPeaks(db, sampleRate, analyser.fftSize, LISTED_PEAKS, MIN_HZ, MIN_DB);
    }
  }

  #marker(ctx: CanvasRenderingContext2D, hx: number, hy: number, top: number, colour: string, label: string): void {
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = 1;
    ctx.setLineDash([2, 3]);
    ctx.beginPath();
    ctx.moveTo(crisp(hx), top + 2);
    ctx.lineTo(crisp(hx), hy - 4);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(hx, hy, 3, 0, 2 * Math.PI);
    ctx.fill();
    if (label) ctx.fillText(label, hx, top + 1);
  }

  #grid(
    ctx: CanvasRenderingContext2D,
    plot: { x: number; y: number; w: number; h: number },
    theme: Theme,
    x: (hz: number) => number,
    y: (db: number) => number,
    maxHz: number,
  ): void {
    ctx.fillStyle = theme.surface2;
    ctx.fillRect(plot.x, plot.y, plot.w, plot.h);
    ctx.lineWidth = 1;
    ctx.font = `12px ${theme.font}`;
    ctx.fillStyle = theme.muted;
    ctx.strokeStyle = theme.border;
    const spanDb = MAX_DB - MIN_DB;
    // 20 dB a line where they are 22 px apart, else 40, else as many as MAX_TICKS allows.
    const stepDb = Math.max(plot.h / (spanDb / 20) >= 22 ? 20 : 40, spanDb / MAX_TICKS);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let i = 0, v = MAX_DB; v >= MIN_DB && i < MAX_TICKS; i++, v = MAX_DB - i * stepDb) {
      const yy = crisp(y(v));
      ctx.beginPath();
      ctx.moveTo(plot.x, yy);
      ctx.lineTo(plot.x + plot.w, yy);
      ctx.stroke();
      ctx.fillText(number(v), plot.x - 6, yy);
    }
    const ticks = (plot.w >= 420 ? [20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000] : [20, 100, 1000, 10_000]).filter((f) => f <= maxHz);
    ctx.textBaseline = 'top';
    // Labels from the right (the last carries the unit); one that would touch the label to its right is left out, its line kept.
    let freeRight = Infinity;
    [...ticks].reverse().forEach((f, i) => {
      const xx = crisp(x(f));
      ctx.beginPath();
      ctx.moveTo(xx, plot.y);
      ctx.lineTo(xx, plot.y + plot.h);
      ctx.stroke();
      const label = i === 0 ? `${shortHz(f)} Hz` : shortHz(f);
      const width = ctx.measureText(label).width;
      const atEdge = x(f) > plot.x + plot.w - 24;
      const left = f === MIN_HZ ? x(f) : atEdge ? plot.x + plot.w - width : x(f) - width / 2;
      if (left + width + 4 > freeRight) return;
      ctx.textAlign = 'left';
      ctx.fillText(label, left, plot.y + plot.h + 5);
      freeRight = left;
    });
    ctx.save();
    ctx.translate(10, plot.y + plot.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('dB', 0, 0);
    ctx.restore();
  }
}

function statusLine(peak: SpectralPeak, harmonics: readonly Harmonic[]): string {
  const strong = harmonics
    .filter((h) => h.significant)
    .sort((a, b) => b.db - a.db)
    .slice(0, 3)
    .sort((a, b) => a.n - b.n)
    .map((h) => `H${h.n} ${number(h.dbc, 0)} dBc`);
  return `Peak ${hzText(peak.hz)}${strong.length ? ` · ${strong.join(', ')}` : ''}`;
}

function hzText(hz: number): string {
  return formatHz(hz < 1000 ? Math.round(hz) : hz).replace('\u202f', ' ');
}
