/**
 * Shared by the browser tests of components: mount a component on a page themed like
 * index.html (light or dark --hr-* colours, read from src/palette.css itself), read text as a
 * reader sees it, and compare what is drawn with the committed reference screenshots
 * (tests/browser/references/, toMatchScreenshot; vitest.config.ts says how to renew them).
 */
import { expect } from 'vitest';
import pageCss from '../../src/palette.css?raw';

/** The page's colours: the --hr-* properties of src/palette.css's :root, and of its dark-scheme :root. */
function pageColours(dark: boolean): Record<string, string> {
  const darkAt = pageCss.indexOf('prefers-color-scheme: dark');
  const block = dark ? pageCss.slice(darkAt) : pageCss.slice(0, darkAt);
  const root = block.slice(block.indexOf(':root'), block.indexOf('}', block.indexOf(':root')));
  return Object.fromEntries([...root.matchAll(/(--hr-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const LIGHT = pageColours(false);
const DARK = pageColours(true);

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

/** A box over the whole visible frame: a screenshot of it is what the user sees there. */
async function compareFrame(name: string): Promise<void> {
  const frame = document.createElement('div');
  frame.style.cssText = 'position: fixed; inset: 0; pointer-events: none;';
  document.body.append(frame);
  try {
    await frames(2);
    await expect.element(frame).toMatchScreenshot(name);
  } finally {
    frame.remove();
  }
}

/**
 * Compares `element` with its reference screenshot. A screenshot shows only what is inside
 * the test frame, so an element taller than the frame is compared one frame-high slice at a
 * time (`name-1`, `name-2`, …), its first `slices` frames (a broken layout shows at the top;
 * a whole long panel would fill the repository with references).
 */
export async function shoot(element: Element, name: string, slices = 4): Promise<void> {
  await frames(2);
  const box = element.getBoundingClientRect();
  if (box.height <= window.innerHeight) {
    element.scrollIntoView({ block: 'nearest' });
    await expect.element(element as HTMLElement).toMatchScreenshot(name);
    return;
  }
  const top = window.scrollY + box.top;
  for (let slice = 0, y = top; y < top + box.height && slice < slices; slice++, y += window.innerHeight) {
    window.scrollTo(0, y);
    await compareFrame(`${name}-${slice + 1}`);
  }
  window.scrollTo(0, 0);
}

/** The page, one frame-high slice at a time from the top, each compared with its reference (`name-1`, …). */
export async function shootPage(name: string, slices = 4): Promise<void> {
  await shoot(document.documentElement, name, slices);
}
