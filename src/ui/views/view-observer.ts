/**
 * ViewObserver: what a drawn view (a uPlot chart, an analyser's canvas) hears of the page from
 * its first render until it leaves the page, and again when it comes back: its drawing box's
 * size, whether that box is on screen (if asked) and the user's light/dark preference.
 *
 * A new size is handed on at the next animation frame: drawing changes the layout, and doing
 * it inside the observer's callback would trip "ResizeObserver loop completed with
 * undelivered notifications".
 */
import type { ReactiveController, ReactiveElement } from 'lit';

export interface ViewWatch {
  /** The element whose box is watched, null before it is rendered. */
  box: () => Element | null;
  resized: (box: DOMRectReadOnly) => void;
  schemeChanged: () => void;
  onScreen?: (visible: boolean) => void;
}

export class ViewObserver implements ReactiveController {
  #resize: ResizeObserver | null = null;
  #visibility: IntersectionObserver | null = null;
  #scheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  #frame = 0;

  constructor(
    private readonly host: ReactiveElement,
    private readonly watch: ViewWatch,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#scheme?.addEventListener('change', this.watch.schemeChanged);
    if (this.host.hasUpdated) this.hostUpdated();
  }

  /** Starts watching once the box is rendered. */
  hostUpdated(): void {
    const box = this.watch.box();
    if (!box || this.#resize) return;
    const { onScreen } = this.watch;
    if (onScreen) {
      this.#visibility = new IntersectionObserver((entries) => onScreen(entries[entries.length - 1]!.isIntersecting));
      this.#visibility.observe(box);
    }
    this.#resize = new ResizeObserver((entries) => {
      const rect = entries[entries.length - 1]!.contentRect;
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.watch.resized(rect));
    });
    this.#resize.observe(box);
  }

  hostDisconnected(): void {
    this.#scheme?.removeEventListener('change', this.watch.schemeChanged);
    this.#resize?.disconnect();
    this.#resize = null;
    this.#visibility?.disconnect();
    this.#visibility = null;
    cancelAnimationFrame(this.#frame);
  }
}
