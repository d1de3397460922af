/**
 * Shared by the views-*.browser tests: mount a component on a page themed like index.html
 * (light or dark --hr-* colours), read text as a reader sees it, and save screenshots to
 * test-results/screenshots/.
 */
import { commands, page } from 'vitest/browser';

const LIGHT: Record<string, string> = {
  '--hr-bg': '#f6f7f9',
  '--hr-text': '#1b1f24',
  '--hr-muted': '#5b6470',
  '--hr-surface': '#ffffff',
  '--hr-surface-2': '#eef1f5',
  '--hr-border': '#d9dee5',
  '--hr-accent': '#0b6bcb',
  '--hr-warn': '#a4501a',
  '--hr-warn-bg': '#fdf1e7',
  '--hr-bad': '#b42318',
  '--hr-bad-bg': '#fdecea',
  '--hr-good': '#1f7a4d',
  '--hr-good-bg': '#e8f5ee',
};

const DARK: Record<string, string> = {
  '--hr-bg': '#111418',
  '--hr-text': '#e6e9ee',
  '--hr-muted': '#9aa4b2',
  '--hr-surface': '#1a1f26',
  '--hr-surface-2': '#20262e',
  '--hr-border': '#2f3742',
  '--hr-accent': '#5aa9ff',
  '--hr-warn': '#f0a46a',
  '--hr-warn-bg': '#2d2117',
  '--hr-bad': '#ff8a80',
  '--hr-bad-bg': '#301a1a',
  '--hr-good': '#6fd3a0',
  '--hr-good-bg': '#15271f',
};

export type Scheme = 'light' | 'dark';

/** A page-like wrapper with the app's colours, font and padding; the element goes inside. */
export function themedStage(scheme: Scheme = 'light', widthPx?: number): HTMLDivElement {
  const stage = document.createElement('div');
  const colours = scheme === 'dark' ? DARK : LIGHT;
  for (const [name, value] of Object.entries(colours)) stage.style.setProperty(name, value);
  stage.style.background = 'var(--hr-bg)';
  stage.style.color = 'var(--hr-text)';
  stage.style.colorScheme = scheme;
  stage.style.fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
  stage.style.padding = '16px';
  stage.style.boxSizing = 'border-box';
  if (widthPx) stage.style.width = `${widthPx}px`;
  document.body.style.margin = '0';
  document.body.append(stage);
  return stage;
}

export async function mount<T extends HTMLElement>(element: T, stage: HTMLElement = themedStage()): Promise<T> {
  stage.append(element);
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Text as a reader sees it: narrow no-break spaces and runs of whitespace become one space. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u202f\u00a0]+/g, ' ').trim();
}

/** Waits for `n` animation frames. */
export async function frames(n = 2): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Saves a screenshot of `element` as test-results/screenshots/<name>.png. */
export async function shoot(element: Element, name: string): Promise<void> {
  await frames(2);
  await page.screenshot({ element, path: `../../test-results/screenshots/${name}.png` });
}

/**
 * The whole page as one screenshot, test-results/screenshots/<name>.png. A tall panel does
 * not fit the test frame and a screenshot paints only what is inside the frame, so the page
 * is shot one frame-high slice at a time and the slices are put together on a canvas.
 */
export async function shootPage(name: string): Promise<void> {
  const total = document.documentElement.scrollHeight;
  let canvas: HTMLCanvasElement | null = null;
  // Slices overlap by 20 px, and each is drawn from 10 px below its top edge (the edge rows of a
  // scaled frame are blended with what lies outside it): no seams.
  const overlap = 20;
  for (let y = 0, first = true; y < total; y += window.innerHeight - overlap, first = false) {
    window.scrollTo(0, y);
    await frames(2);
    const base64 = await page.screenshot({ save: false });
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const scale = image.width / document.documentElement.clientWidth;
    canvas ??= Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const top = Math.round((window.scrollY + (first ? 0 : overlap / 2)) * scale);
    const bottom = Math.min(image.height, Math.round((window.scrollY + window.innerHeight) * scale) - 1);
    canvas.getContext('2d')!.drawImage(image, 0, top, image.width, bottom - top, 0, top, image.width, bottom - top);
  }
  window.scrollTo(0, 0);
  await commands.writeFile(`test-results/screenshots/${name}.png`, canvas!.toDataURL('image/png').split(',')[1]!, 'base64');
}
