/**
 * AnalyserView: the shared base of the canvas views that read an AnalyserNode (scope,
 * spectrum). While `running` is true and an analyser is set, an AnimationFrameController
 * calls `drawFrame` in each live frame (src/ui/controllers/live-frames.ts sets how many a second);
 * otherwise the view draws its empty grid once. The grid, its lines and its labels (text is
 * the dearest thing a canvas draws) is drawn once into a canvas of its own and copied under
 * each frame; it is drawn again only when its look changes (size, colours, `gridKey()`).
 * The canvas's size comes from its ResizeObserver, never read in a frame, so a frame never
 * forces a layout. It follows the device pixel ratio, so lines stay sharp, and sits on its
 * own compositing layer, so its redraws repaint nothing else (docs/decisions.md, "A quiet page").
 */
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { crisp, type Grid, type PlotArea } from '../../drawing/analyser-grid.ts';
import { AnimationFrameController } from '../controllers/animation-frame-controller.ts';
import { baseStyles, cardStyles } from '../styles.ts';
import { readTheme, type Theme } from './theme.ts';
import { ViewObserver } from './view-observer.ts';

/** What the views need of an AnalyserNode (a real one, or a stand-in in tests). */
export interface AnalyserLike {
  fftSize: number;
  frequencyBinCount: number;
  context: { sampleRate: number };
  getFloatTimeDomainData(array: Float32Array<ArrayBuffer>): void;
  getFloatFrequencyData(array: Float32Array<ArrayBuffer>): void;
}

export interface CanvasSize {
  /** CSS pixels. */
  width: number;
  height: number;
}

export abstract class AnalyserView extends LitElement {
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      .frame {
        padding-bottom: 0.6rem;
      }
      /* Title, then the live status on a line of its own: it may change length without moving anything. */
      .head {
        display: grid;
        gap: 0.1rem;
        margin-bottom: 0.4rem;
      }
      .status {
        font-size: 0.82rem;
        overflow: hidden;
        text-overflow: ellipsis;
        min-height: 1lh;
      }
      canvas {
        display: block;
        width: 100%;
        height: var(--hr-analyser-height, 200px);
        will-change: transform;
      }
    `,
  ];

  /** The analyser to read, or null for none. */
  @property({ attribute: false }) analyser: AnalyserLike | null = null;

  /** Draw every animation frame while true (and an analyser is set). */
  @property({ type: Boolean }) running = false;

  /** The animation loop; exposed so tests can see it stop. */
  readonly frames = new AnimationFrameController(this, () => this.#draw(true));

  protected theme: Theme | null = null;
  #size: CanvasSize = { width: 0, height: 0 };
  #grid: HTMLCanvasElement | null = null;
  /** Until the first report, assumed on screen. */
  #onScreen = true;
  #gridDrawn = '';
  #themeVersion = 0;

  #statusAt = 0;

  constructor() {
    super();
    new ViewObserver(this, {
      box: () => this.canvas,
      // The size is the observer's, never read in a frame.
      resized: (box) => {
        this.#size = { width: box.width, height: box.height };
        this.#draw(this.running && this.analyser !== null);
      },
      schemeChanged: () => {
        this.#newTheme();
        this.#draw(false);
      },
      // Scrolled out of sight, it stops drawing (and draws the moment it is back).
      onScreen: (visible) => {
        this.#onScreen = visible;
        this.frames.setRunning(this.running && this.analyser !== null && visible);
      },
    });
  }

  /** What is being watched, for the heading and screen readers (e.g. "What you hear"). */
  @property() label = '';

  /** A short live readout under the heading (the trigger, the peak frequency); cleared when the sound stops. */
  @state() protected statusText = '';

  /** The view's name ("Oscilloscope", "Spectrum"); the heading adds the label. */
  protected abstract readonly kind: string;
  /** Screen-reader text for the canvas. */
  protected abstract describe(): string;
  /** The key figures as a table for screen readers (the canvas holds no text). */
  protected figures(): TemplateResult | typeof nothing {
    return nothing;
  }
  /** Draws what does not move (background, grid, labels); ctx is scaled to CSS pixels. */
  protected abstract drawGrid(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme): void;
  /** What the grid depends on besides size and colours (e.g. the scope's range). */
  protected gridKey(): string {
    return '';
  }
  /** Draws the analyser's data over the grid when `live`; ctx is scaled to CSS pixels. */
  protected abstract drawFrame(ctx: CanvasRenderingContext2D, size: CanvasSize, theme: Theme, live: boolean): void;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('running') && !this.running) this.statusText = '';
  }

  override render(): TemplateResult {
    return html`<div class="frame">
      <div class="head">
        <p class="title">${this.label ? `${this.kind} · ${this.label}` : this.kind}</p>
        <span class="status num muted" data-testid="status">${this.statusText}</span>
      </div>
      <canvas role="img" aria-label=${this.describe()}></canvas>
      ${this.figures()}
    </div>`;
  }

  /** The analyser's sample rate, or 48 kHz before there is one. */
  protected get sampleRate(): number {
    return this.analyser?.context.sampleRate ?? 48_000;
  }

  /** True at most four times a second: when a frame may write the status line (new text costs a layout). */
  protected statusDue(): boolean {
    const now = performance.now();
    if (now - this.#statusAt <= 250) return false;
    this.#statusAt = now;
    return true;
  }

  protected get canvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector('canvas');
  }

  protected override updated(changed: PropertyValues<this>): void {
    const live = this.running && this.analyser !== null;
    this.frames.setRunning(live && this.#onScreen);
    if (changed.has('analyser') || changed.has('running')) {
      this.#newTheme();
      if (!live) this.#draw(false);
    }
  }

  /** The colours are read again, and the grid drawn again, at the next frame. */
  #newTheme(): void {
    this.theme = null;
    this.#themeVersion += 1;
  }

  #draw(live: boolean): void {
    const canvas = this.canvas;
    if (!canvas) return;
    // Before the observer's first report (the first draw), the size is read once.
    if (this.#size.width <= 0) this.#size = { width: canvas.clientWidth, height: canvas.clientHeight };
    const { width, height } = this.#size;
    if (width <= 0 || height <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight) {
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    this.theme ??= readTheme(this);
    const grid = this.#gridCanvas(pixelWidth, pixelHeight, dpr, this.theme);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, pixelWidth, pixelHeight);
    if (grid) ctx.drawImage(grid, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.drawFrame(ctx, this.#size, this.theme, live && this.analyser !== null);
  }

  /** The grid at this size, drawn again only when something it shows changed. */
  #gridCanvas(pixelWidth: number, pixelHeight: number, dpr: number, theme: Theme): HTMLCanvasElement | null {
    const key = `${pixelWidth}×${pixelHeight}@${dpr}/${this.#themeVersion}/${this.gridKey()}`;
    if (key === this.#gridDrawn && this.#grid) return this.#grid;
    const grid = (this.#grid ??= document.createElement('canvas'));
    grid.width = pixelWidth;
    grid.height = pixelHeight;
    const ctx = grid.getContext('2d');
    if (!ctx) return null;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    this.drawGrid(ctx, this.#size, theme);
    this.#gridDrawn = key;
    return grid;
  }
}

/** Paints an analyser's grid (analyser-grid.ts): the plot's background, its lines and labels, and the level axis's title turned upright. */
export function paintGrid(ctx: CanvasRenderingContext2D, plot: PlotArea, theme: Theme, { rows, columns, title }: Grid): void {
  ctx.fillStyle = theme.surface2;
  ctx.fillRect(plot.x, plot.y, plot.w, plot.h);
  ctx.lineWidth = 1;
  ctx.font = `12px ${theme.font}`;
  ctx.fillStyle = theme.muted;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  };
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const row of rows) {
    const y = crisp(row.y);
    ctx.strokeStyle = row.strong ? theme.muted : theme.border;
    ctx.setLineDash(row.dashed ? [3, 3] : []);
    line(plot.x, y, plot.x + plot.w, y);
    if (row.label) ctx.fillText(row.label, plot.x - 6, y);
  }
  ctx.setLineDash([]);
  ctx.strokeStyle = theme.border;
  ctx.textBaseline = 'top';
  for (const column of columns) {
    const x = crisp(column.x);
    line(x, plot.y, x, plot.y + plot.h);
    ctx.textAlign = column.align;
    if (column.label) ctx.fillText(column.label, column.labelX ?? x, plot.y + plot.h + 5);
  }
  ctx.save();
  ctx.translate(10, plot.y + plot.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 0, 0);
  ctx.restore();
}
