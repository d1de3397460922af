/**
 * The classroom's projector look: large type (30 px on a 1080-line screen, down to 24 px on a
 * 720-line one, so that a step fits; no text is ever below 24 px), dark text on white with
 * black borders, and a palette that keeps its contrast on a washed-out projector.
 * Set as --hr-* properties so the lesson inside follows.
 *
 * One screen: the presenter bar, then the lesson (left) and the panel (right: what plays,
 * Play, A/B, the QR code). The QR code takes what height is left, so it is always wholly on
 * screen, and nothing is fixed on top of anything else.
 */
import { css } from 'lit';

export const classroomStyles = css`
  :host {
    --hr-text: #000000;
    --hr-muted: #1f1f1f;
    --hr-surface: #ffffff;
    --hr-surface-2: #eef1f6;
    --hr-border: #000000;
    --hr-accent: #0039a6;
    --hr-on-accent: #ffffff;
    --hr-good: #00602f;
    --hr-good-bg: #dff5e8;
    --hr-bad: #9b0000;
    --hr-bad-bg: #fde6e6;
    /* What the panel needs besides the code (its rows, the bar, the padding) is about 15.5 em. */
    --qr: min(calc(100vh - 15.5em), 25vw, 17em);
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    font-size: clamp(24px, 2.8vh, 30px);
    line-height: 1.25;
    background: #ffffff;
    padding: 0.5em 0.8em;
    height: 100%;
    min-height: 100vh;
    box-sizing: border-box;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.8em;
    align-items: start;
    min-height: 0;
  }
  main {
    min-width: 0;
    min-height: 0;
    max-height: 100%;
    overflow: auto;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em 0.6em;
    align-items: center;
    margin-bottom: 0.5em;
  }
  .bar .count {
    font-weight: 700;
  }
  .bar select {
    flex: 1 1 6em;
    min-width: 5em;
  }
  select,
  button {
    font: inherit;
    color: #000000;
    background: #ffffff;
    border: 3px solid #000000;
    border-radius: 12px;
    padding: 0.15em 0.5em;
  }
  select {
    max-width: 100%;
  }
  button {
    cursor: pointer;
    font-weight: 700;
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .panel {
    display: grid;
    gap: 0.4em;
    width: var(--qr);
    min-width: 7.5em;
  }
  .playing {
    margin: 0;
    display: grid;
    gap: 0.25em;
    line-height: 1.15;
  }
  .playing button {
    padding: 0.05em 0.4em;
  }
  .ab {
    display: grid;
    grid-template-columns: 1.5fr 1fr 1fr;
    gap: 0.3em;
  }
  .ab button {
    font-size: 1.6em;
    line-height: 1;
    padding: 0.15em 0;
  }
  .ab button.play {
    font-size: 1em;
  }
  .play,
  .ab button[aria-pressed='true'] {
    background: #0039a6;
    border-color: #0039a6;
    color: #ffffff;
  }
  .reveal[aria-pressed='true'] {
    background: #000000;
    color: #ffffff;
  }
  figure {
    margin: 0;
    display: grid;
    gap: 0.2em;
    justify-items: center;
  }
  figure svg {
    width: var(--qr);
    height: var(--qr);
    display: block;
    border: 3px solid #000000;
  }
  figcaption {
    font-size: max(24px, 0.8em);
    display: grid;
    gap: 0.15em;
    text-align: center;
    width: 100%;
    line-height: 1.15;
  }
  .url {
    font-size: max(24px, 0.8em);
    font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
    max-height: calc(2 * 1.15em + 0.3em);
    overflow-y: auto;
    text-align: left;
    border: 2px solid #000000;
    border-radius: 8px;
    padding: 0.1em 0.3em;
  }
  .qr-error {
    border: 3px solid #9b0000;
    border-radius: 12px;
    padding: 0.4em 0.6em;
  }
  .empty {
    margin: 0;
  }
`;
