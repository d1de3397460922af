/**
 * Shared component styles. Colours are CSS custom properties set on :root by src/palette.css
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
  /* One focus ring for every control, drawn only when the keyboard moved the focus. */
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
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
 * What every boxed control (button, select, text field) shares: the page's font, its colours
 * and a thin border. Each control style below adds its own corners and size.
 */
export const boxedControl = css`
  font: inherit;
  color: var(--_text);
  background: var(--_surface);
  border: 1px solid var(--_border);
`;

/** A boxed button: the control's look with rounded corners, a finger's height and a pointer. */
export const boxedButton = css`
  ${boxedControl}
  border-radius: 8px;
  min-height: 2.5rem;
  cursor: pointer;
`;

/**
 * Buttons, small text inputs and selects as the panels draw them (playing bar,
 * target, the blind test, the A/B switch, the export panel): one place for their look.
 * `button.primary` is the accent button, `aria-pressed` marks the chosen one; `input.field` is
 * a short text field.
 */
export const controlStyles = css`
  button {
    ${boxedButton}
    padding: 0.35rem 0.8rem;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
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
  input.field,
  select {
    ${boxedControl}
    border-radius: 6px;
    padding: 0.3rem 0.5rem;
    min-width: 0;
  }
  input.field {
    width: 5.5rem;
  }
  input.field[aria-invalid='true'] {
    border-color: var(--_bad);
  }
`;

/** A key cap (`<kbd>`) in a hint or on a button; on an accent button it takes the button's colour. */
export const keyCapStyles = css`
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

/**
 * The outlined accent button of the setup editor and the claims ("Add listener", "Listen to
 * this"); `button.small` is the shorter one inside a list.
 */
export const accentButtonStyles = css`
  button {
    ${boxedButton}
    color: var(--_accent);
    border-color: var(--_accent);
    padding: 0.4rem 0.8rem;
  }
  button.small {
    font-size: 0.88rem;
    min-height: 2.25rem;
  }
  button:disabled {
    color: var(--_muted);
    border-color: var(--_border);
    cursor: not-allowed;
  }
`;

/**
 * Labelled form fields as number-field.ts draws them (`.field` with its label, `.unit`, input or
 * select and `.error` below), in a `fieldset` with its `legend`: the input panel's form, and
 * the setup editor's.
 */
export const formStyles = css`
  fieldset {
    margin: 0;
    min-width: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    font-weight: 650;
    padding: 0 0.3rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  label {
    font-size: 0.9rem;
    font-weight: 550;
  }
  .unit {
    font-weight: 400;
    color: var(--_muted);
  }
  input[type='text'],
  select {
    ${boxedControl}
    border-radius: 8px;
    padding: 0.4rem 0.55rem;
    width: 100%;
    min-width: 0;
    min-height: 2.5rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_bad);
    box-shadow: inset 0 0 0 1px var(--_bad);
  }
  .error {
    margin: 0;
    font-size: 0.85rem;
    color: var(--_bad);
    background: var(--_bad-bg);
    border-radius: 6px;
    padding: 0.3rem 0.5rem;
    overflow-wrap: anywhere;
  }
`;

/**
 * The round play buttons of a transport bar (the Listen card's and the input side's): `button`
 * is a pill, `button.play` the accent one. `.segmented` is a row of such buttons joined into
 * one control (A | B), the pressed one filled.
 */
export const pillStyles = css`
  button {
    ${boxedButton}
    font-weight: 650;
    border-radius: 999px;
    padding: 0.45rem 1rem;
  }
  button.play {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--hr-on-accent, #fff);
    min-width: 6.5rem;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .segmented {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
  }
  .segmented button {
    border: 0;
    border-radius: 0;
    min-width: 3rem;
  }
  .segmented button + button {
    border-left: 1px solid var(--_border);
  }
  .segmented button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--hr-on-accent, #fff);
  }
`;

/** A small filled label beside a title ("heard"). */
export const badgeStyles = css`
  .badge {
    display: inline-block;
    font-size: 0.75rem;
    font-weight: 650;
    color: var(--hr-on-accent, #fff);
    background: var(--_accent);
    border-radius: 999px;
    padding: 0.05rem 0.5rem;
    margin-left: 0.4rem;
    vertical-align: middle;
  }
`;

/** A card's look: the surface colour inside a thin border with the page's rounded corners. */
export const cardSurface = css`
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
`;

/** A small-capitals heading over a group of figures: a card's title, the report's sections. */
export const smallCaps = css`
  font-size: 0.8rem;
  font-weight: 650;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--_muted);
`;

/**
 * A card holding one chart or drawing (`.frame`) with its small capitals title (`.title`, also
 * a table's caption): the plots, the analysers, the circuit.
 */
export const cardStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .frame {
    margin: 0;
    ${cardSurface}
    padding: 0.75rem 0.75rem 0.5rem;
  }
  .title,
  caption {
    ${smallCaps}
    margin: 0;
  }
`;

/**
 * A short number field under its small label, with its message below: the calibration, a
 * stretch to render, a sine's frequency and level.
 */
export const compactFieldStyles = css`
  label {
    display: grid;
    gap: 0.2rem;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  input[type='text'] {
    ${boxedControl}
    width: 6rem;
    padding: 0.35rem 0.5rem;
    border-radius: 6px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_bad);
  }
  .field-error {
    color: var(--_bad);
    font-size: 0.85rem;
    margin: 0;
  }
  /* A file input opened by a button of its own. */
  input[type='file'] {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
    pointer-events: none;
  }
`;

/**
 * A panel that fills the page's width (the report, the claims, the derivations): its title,
 * the paragraph under it and the line shown while there is nothing to show.
 */
export const panelStyles = css`
  :host {
    display: block;
  }
  h2 {
    font-size: 1.5rem;
    line-height: 1.2;
    margin: 0 0 0.4rem;
  }
  .intro {
    margin: 0 0 1.25rem;
    max-width: 70ch;
    color: var(--_muted);
  }
  .empty {
    color: var(--_muted);
  }
`;

/**
 * An upper-case verdict tag ("Headroom", "Clipping", "True", "It depends"): grey, filled with
 * the verdict's colour by `.good`, `.warn` or `.bad`.
 */
export const verdictBadgeStyles = css`
  .badge {
    display: inline-block;
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.05em;
    text-transform: uppercase;
    padding: 0.1rem 0.45rem;
    border-radius: 999px;
    color: var(--_surface);
    background: var(--_muted);
    white-space: nowrap;
  }
  .badge.good {
    background: var(--_good);
  }
  .badge.warn {
    background: var(--_warn);
  }
  .badge.bad {
    background: var(--_bad);
  }
`;

/**
 * A row of tick labels under a bar or a small plot (`.ticks`, each `span` placed by its
 * `left: %`): centred on its tick, the first and last kept inside the row.
 */
export const tickRowStyles = css`
  .ticks {
    position: relative;
    font-size: 0.75rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .ticks span {
    position: absolute;
    transform: translateX(-50%);
    white-space: nowrap;
  }
  .ticks span:first-child {
    transform: none;
  }
  .ticks span:last-child {
    transform: translateX(-100%);
  }
`;

// --- ui-teach ---

/** A list as a column of items, without bullets or indent (the rule adds its `gap`): the claims, the lessons, the derivation steps. */
export const stackedList = css`
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
`;

// --- cut-app ---

/**
 * A line of text under a panel's controls: `.hint` the small grey explanation, `.status` what
 * the last action did, in the colour of a problem with `.error` or `.warn`.
 */
export const noteStyles = css`
  .hint {
    margin: 0;
    font-size: 0.82rem;
    color: var(--_muted);
  }
  .status {
    margin: 0;
    font-size: 0.9rem;
  }
  .error {
    color: var(--_bad);
  }
  .warn {
    color: var(--_warn);
  }
`;
