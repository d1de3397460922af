/**
 * The classroom's projector look: large type (30 px base, so the lesson's smallest text, at
 * 0.8 em, is 24 px), dark text on white with black borders, and a palette that keeps its
 * contrast on a washed-out projector. Set as --hr-* properties so the lesson inside follows.
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
    display: block;
    font-size: 30px;
    line-height: 1.35;
    background: #ffffff;
    color: #000000;
    padding: 0.8em 1em;
    min-height: 100%;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(12em, 17em);
    gap: 1em;
    align-items: start;
  }
  @media (max-width: 1100px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin-bottom: 0.8em;
  }
  .bar label {
    font-weight: 700;
  }
  .bar select {
    flex: 0 1 24em;
    min-width: 0;
  }
  .reveal {
    margin-left: auto;
  }
  select,
  button {
    font: inherit;
    color: #000000;
    background: #ffffff;
    border: 3px solid #000000;
    border-radius: 12px;
    padding: 0.25em 0.6em;
  }
  select {
    max-width: 100%;
  }
  button {
    cursor: pointer;
    font-weight: 700;
  }
  button:focus-visible,
  select:focus-visible {
    outline: 4px solid #0039a6;
    outline-offset: 3px;
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  .panel {
    display: grid;
    gap: 0.6em;
  }
  .ab {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.5em;
  }
  .ab button {
    font-size: 2.4em;
    line-height: 1;
    padding: 0.3em 0;
    min-height: 2.2em;
  }
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
    gap: 0.3em;
    justify-items: center;
  }
  figure svg {
    width: 100%;
    height: auto;
    display: block;
    border: 3px solid #000000;
  }
  figcaption {
    display: grid;
    gap: 0.2em;
    text-align: center;
    width: 100%;
  }
  .url {
    font-size: 0.8em;
    font-family: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
    overflow-wrap: anywhere;
    max-height: calc(3 * 1.35em + 0.3em);
    overflow-y: auto;
    text-align: left;
    border: 2px solid #000000;
    border-radius: 8px;
    padding: 0.15em 0.35em;
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
