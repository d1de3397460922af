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
import type { PropertyValues, TemplateResult } from 'lit';
import { crisp, plotArea, SPECTRUM_MIN_DB as MIN_DB, SPECTRUM_MIN_HZ as MIN_HZ, spectrumGrid, spectrumScale } from '../../drawing/analyser-grid.ts';
import { analyserHz, spectrumStatus } from '../../drawing/analyser-readouts.ts';
import { number } from '../../text/format.ts';
import type { Theme } from './theme.ts';
import { AnalyserView, paintGrid, type CanvasSize } from './analyser-view.ts';
import { figureTable } from './figure-table.ts';
import { harmonicsOf, strongestPeak, strongestPeaks, type Harmonic, type SpectralPeak } from '../../audio/signal-analysis.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-spectrum': HeadroomSpectrum;
  }
}

const PAD = { left: 40, right: 10, top: 18, bottom: 22 };
/** Components listed for screen readers. */
const LISTED_PEAKS = 5;
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

  protected readonly kind = 'Spectrum';

  protected describe(): string {
    return `Spectrum analyser${this.label ? ` of ${this.label}` : ''}, 20 Hz to 20 kHz on a log axis, level in dB.${this.statusText ? ` ${this.statusText}.` : ''}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('running') && !this.running) this.components = [];
  }

  protected override figures(): TemplateResult {
    return figureTable(
      `Strongest components of the spectrum${this.label ? ` of ${this.label}` : ''}`,
      ['Frequency', 'Level (dB)'],
      this.components.map((p) => ({ label: analyserHz(p.hz), cells: [number(p.db, 1)] })),
      'No signal',
    );
  }

  /** The plot area and its axes for this analyser and size: up to 20 kHz, or Nyquist below that. */
  #axes(size: CanvasSize) {
    const maxHz = Math.min(20_000, this.sampleRate / 2);
    const plot = plotArea(size.width, size.height, PAD);
    return { maxHz, plot, ...spectrumScale(plot, maxHz) };
  }

  protected override gridKey(): string {
    return String(this.analyser?.context.sampleRate);
  }

  protected drawGrid(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme): void {
    const { plot, maxHz } = this.#axes(size);
    // Labels are measured in the font the grid writes them in.
    ctx.font = `12px ${theme.font}`;
    paintGrid(ctx, plot, theme, spectrumGrid(plot, maxHz, (label) => ctx.measureText(label).width));
  }

  protected drawFrame(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme, live: boolean): void {
    const analyser = this.analyser;
    if (!live || !analyser) return;
    const { maxHz, plot, x, y } = this.#axes(size);
    const sampleRate = this.sampleRate;

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

    if (this.statusDue()) {
      this.statusText = peak ? spectrumStatus(peak, this.harmonicLevels) : 'No signal';
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

}
