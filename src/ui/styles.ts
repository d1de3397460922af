/**
 * Shared component styles. Colours are CSS custom properties set on :root in index.html
 * (light and dark via prefers-color-scheme); custom properties inherit into shadow roots.
 * The fallbacks keep a component readable when it is mounted outside the page (tests).
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --_text: var(--hr-text, #1b1f24);
    --_muted: var(--hr-muted, #5b6470);
    --_surface: var(--hr-surface, #ffffff);
    --_surface-2: var(--hr-surface-2, #f3f5f8);
    --_border: var(--hr-border, #d9dee5);
    --_accent: var(--hr-accent, #0b6bcb);
    --_warn: var(--hr-warn, #a4501a);
    --_warn-bg: var(--hr-warn-bg, #fdf1e7);
    --_bad: var(--hr-bad, #b42318);
    --_bad-bg: var(--hr-bad-bg, #fdecea);
    --_good: var(--hr-good, #1f7a4d);
    --_good-bg: var(--hr-good-bg, #e8f5ee);
    --_radius: 10px;
    color: var(--_text);
    font-family: var(--hr-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    line-height: 1.45;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .num {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .muted {
    color: var(--_muted);
  }
  /* Read by screen readers, not shown: a chart's figures as a table. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * Buttons, small text inputs and key caps as the newer panels draw them (playing bar, target,
 * the blind test's stretch): one place for their look. `button.primary` is the accent button,
 * `aria-pressed` marks the chosen one; `input.field` is a short text field.
 */
export const controlStyles = css`
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 0.35rem 0.8rem;
    min-height: 2.5rem;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_surface);
    font-weight: 650;
  }
  button[aria-pressed='true'] {
    border: 2px solid var(--_accent);
    color: var(--_accent);
    font-weight: 750;
  }
  button:focus-visible,
  input.field:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  input.field {
    font: inherit;
    width: 5.5rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0.3rem 0.5rem;
  }
  input.field[aria-invalid='true'] {
    border-color: var(--_bad);
  }
  kbd {
    font: inherit;
    font-size: 0.8rem;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    padding: 0 0.3rem;
    color: var(--_muted);
    background: var(--_surface);
  }
  button.primary kbd {
    color: inherit;
    background: transparent;
    border-color: currentColor;
  }
`;
