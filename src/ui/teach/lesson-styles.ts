/**
 * Styles of <headroom-lesson> (its buttons are the shared controlStyles). Sizes are in em, so a
 * host that sets a larger font-size (the classroom's projector layout) scales the lesson with it.
 */
import { css } from 'lit';
import { cardSurface, smallCaps } from '../styles.ts';

export const lessonStyles = css`
  :host {
    display: block;
  }
  .lesson {
    display: grid;
    gap: 0.9em;
  }
  .head {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: start;
    gap: 0.4em 1.5em;
  }
  .head > div {
    display: grid;
    gap: 0.25em;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.2;
  }
  h2 {
    font-size: 1.35em;
  }
  h3 {
    font-size: 1.1em;
    font-weight: 600;
  }
  h3:focus {
    outline: none;
  }
  .goal {
    margin: 0;
  }
  .progress {
    display: grid;
    gap: 0.35em;
    min-width: 9em;
    justify-items: end;
  }
  .progress-text {
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  .dots {
    display: flex;
    gap: 0.3em;
    width: 100%;
  }
  .dot {
    flex: 1;
    height: 0.35em;
    border-radius: 1em;
    background: var(--_accent);
    opacity: 0.2;
  }
  .dot.done {
    opacity: 0.6;
  }
  .dot.current {
    opacity: 1;
  }
  .step {
    ${cardSurface}
    padding: 1em 1.1em;
    display: grid;
    gap: 0.8em;
  }
  .kind {
    ${smallCaps}
    font-size: 0.8em;
    color: var(--_accent);
  }
  .step p {
    margin: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.45em;
  }
  legend {
    padding: 0;
    margin-bottom: 0.5em;
    font-weight: 600;
  }
  label.choice {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    padding: 0.55em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-2);
    cursor: pointer;
  }
  label.choice input {
    margin: 0.2em 0 0;
    width: 1em;
    height: 1em;
    flex: none;
  }
  label.choice.picked {
    border-color: var(--_accent);
  }
  label.choice.right {
    border-color: var(--_good);
    background: var(--_good-bg);
  }
  label.choice.wrong {
    border-color: var(--_bad);
    background: var(--_bad-bg);
  }
  label.choice:has(input:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .feedback {
    border-radius: var(--_radius);
    padding: 0.7em 0.9em;
    display: grid;
    gap: 0.35em;
  }
  .feedback:empty {
    display: none;
  }
  .feedback.right {
    background: var(--_good-bg);
    border-left: 0.3em solid var(--_good);
  }
  .feedback.wrong {
    background: var(--_bad-bg);
    border-left: 0.3em solid var(--_bad);
  }
  .feedback.neutral {
    background: var(--_surface-2);
    border-left: 0.3em solid var(--_accent);
  }
  .verdict {
    font-weight: 700;
  }
  .listen-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em 1em;
    align-items: center;
  }
  .figures {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.35em 1.2em;
    margin: 0;
  }
  .figures dt {
    min-width: 0;
  }
  .figures dd {
    margin: 0;
    text-align: right;
    font-weight: 650;
  }
  .hidden-number {
    letter-spacing: 0.15em;
  }
  nav.steps {
    display: flex;
    justify-content: space-between;
    gap: 0.6em;
  }
  .done-note {
    color: var(--_good);
    font-weight: 650;
  }
  @media (max-width: 32rem) {
    .head {
      grid-template-columns: minmax(0, 1fr);
    }
    .progress {
      justify-items: start;
    }
  }
  /* compact: the classroom's projector, where a whole step must fit one screen. */
  :host([compact]) .lesson {
    gap: 0.5em;
  }
  /* The presenter bar names the lesson; the step gets the room. */
  :host([compact]) .head {
    display: none;
  }
  :host([compact]) .kind,
  :host([compact]) .progress-text {
    font-size: max(24px, 0.8em);
  }
  :host([compact]) .step {
    padding: 0.5em 0.7em;
    gap: 0.45em;
  }
  :host([compact]) .step > div:first-child {
    display: flex;
    gap: 0.2em 0.6em;
    align-items: baseline;
  }
  :host([compact]) h3 {
    font-size: 1em;
  }
  :host([compact]) .figures {
    gap: 0 1em;
    line-height: 1.15;
  }
  :host([compact]) .figures dt,
  :host([compact]) .figures dd {
    padding: 0.08em 0;
  }
  :host([compact]) .step p {
    line-height: 1.2;
  }
  :host([compact]) label.choice {
    padding: 0.25em 0.6em;
  }
  :host([compact]) .feedback {
    padding: 0.35em 0.6em;
  }
`;
