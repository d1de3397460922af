/** Layout of <headroom-app>: a header, the listening panel, then setups, plots and tests. */
import { css } from 'lit';
import { boxedButton, cardSurface } from '../styles.ts';

export const appStyles = css`
  :host {
    display: block;
    max-width: 80rem;
    margin: 0 auto;
    padding: 1.25rem clamp(0.75rem, 3vw, 2.5rem) 2.5rem;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 1rem 2rem;
    padding-bottom: 1rem;
    margin-bottom: 1.25rem;
    border-bottom: 1px solid var(--_border);
  }
  h1 {
    margin: 0;
    font-size: 2rem;
    line-height: 1.1;
    letter-spacing: -0.02em;
  }
  .tagline {
    margin: 0.35rem 0 0;
    color: var(--_muted);
    max-width: 60ch;
  }
  .header-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.6rem 0.8rem;
    flex: 0 1 34rem;
    min-width: min(100%, 16rem);
  }
  headroom-preset-picker {
    flex: 1 1 18rem;
    min-width: 0;
  }
  .classroom-toggle {
    ${boxedButton}
    padding: 0.45rem 0.9rem;
    white-space: nowrap;
  }
  .classroom {
    position: fixed;
    inset: 0;
    z-index: 10;
    overflow: auto;
    background: var(--hr-bg, var(--_surface));
  }
  nav {
    position: sticky;
    top: 0;
    z-index: 2;
    display: flex;
    gap: 0.3rem 1rem;
    flex-wrap: wrap;
    margin: -0.5rem 0 1.25rem;
    padding: 0.5rem 0;
    background: var(--hr-bg, var(--_surface));
    border-bottom: 1px solid var(--_border);
    font-size: 0.92rem;
  }
  nav a {
    color: var(--_accent);
    text-decoration: none;
    padding: 0.15rem 0;
  }
  nav a:hover,
  nav a:focus-visible {
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  section {
    scroll-margin-top: 3rem;
    margin-bottom: 1.5rem;
  }
  /*
   * Each section paints as one cached unit: while the Listen card changes many times a
   * second, the page's repaint walks past the rest instead of through it.
   */
  main > section {
    contain: layout paint;
  }
  h2 {
    font-size: 1.3rem;
    margin: 0 0 0.8rem;
    letter-spacing: -0.01em;
  }
  .card {
    ${cardSurface}
    padding: clamp(0.8rem, 2vw, 1.25rem);
  }
  /*
   * Meters, the level readout, the seek bar and the analysers change many times a second while
   * playing: on a layer of its own the Listen card repaints alone, not the whole long page.
   */
  .listen {
    will-change: transform;
    gap: 1.25rem 2rem;
  }
  /* Two columns on a wide screen (one below 860px). */
  .listen,
  .pair,
  .analysers {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  }
  .listen > *,
  .pair > * {
    min-width: 0;
  }
  .stack {
    display: grid;
    gap: 1rem;
    align-content: start;
  }
  .meters {
    display: grid;
    gap: 0.6rem;
  }
  .analysers {
    --hr-analyser-height: 160px;
    gap: 1rem;
  }
  /* The analysers' fold spans the Listen card (on a phone it starts folded). */
  .listen > .fold {
    grid-column: 1 / -1;
  }
  .pair {
    gap: 1.25rem;
    align-items: start;
  }
  .side-title {
    display: flex;
    align-items: baseline;
    gap: 0.6rem;
    margin: 0 0 0.6rem;
    font-size: 1.05rem;
  }
  .side-title .letter {
    font-size: 1.4rem;
    font-weight: 750;
    color: var(--_accent);
  }
  details {
    margin-bottom: 1rem;
  }
  .card > .fold:last-child {
    margin-bottom: 0;
  }
  .fold > summary {
    font-weight: 550;
    color: var(--_accent);
  }
  .fold[open] > summary {
    margin-bottom: 0.6rem;
  }
  summary {
    cursor: pointer;
    font-weight: 650;
    padding: 0.3rem 0;
  }
  .messages {
    display: grid;
    gap: 0.5rem;
    margin-bottom: 1.25rem;
  }
  .message {
    border: 1px solid var(--_warn);
    background: var(--_warn-bg);
    border-radius: 10px;
    padding: 0.6rem 0.9rem;
    display: flex;
    gap: 1rem;
    justify-content: space-between;
    align-items: flex-start;
  }
  .message.error {
    border-color: var(--_bad);
    background: var(--_bad-bg);
  }
  .message button {
    font: inherit;
    background: none;
    border: none;
    color: var(--_accent);
    cursor: pointer;
    text-decoration: underline;
  }
  .plots {
    display: grid;
    gap: 1.25rem;
  }
  footer {
    margin-top: 2rem;
    padding-top: 1rem;
    border-top: 1px solid var(--_border);
    font-size: 0.85rem;
    color: var(--_muted);
  }
  /* A phone: a small header and one row of section links, so Play, A/B and the level fit the first screen. */
  @media (max-width: 40rem) {
    :host {
      padding-top: 0.75rem;
    }
    header {
      gap: 0.5rem;
      padding-bottom: 0.75rem;
      margin-bottom: 0.75rem;
    }
    h1 {
      font-size: 1.5rem;
    }
    /* The first screen is for Play, A/B and the level; the page says what it is in its Listen card and footer. */
    .tagline {
      display: none;
    }
    .header-controls {
      flex-wrap: nowrap;
      flex-basis: 100%;
    }
    nav {
      flex-wrap: nowrap;
      overflow-x: auto;
      scrollbar-width: none;
      margin-top: -0.25rem;
      margin-bottom: 0.75rem;
      padding: 0.4rem 0;
    }
    nav a {
      flex: none;
    }
    h2 {
      font-size: 1.15rem;
      margin-bottom: 0.4rem;
    }
    /* Folded sections are one line each: a short gap between them keeps the page under five screens. */
    section {
      margin-bottom: 0.75rem;
    }
    footer {
      margin-top: 1.25rem;
    }
    .analysers {
      --hr-analyser-height: 130px;
    }
  }
  @media (max-width: 860px) {
    .listen,
    .pair,
    .analysers {
      grid-template-columns: minmax(0, 1fr);
    }
    /* One column, in the order a listener needs: Play, A or B, how loud, the levels; then the rest. */
    .listen .stack {
      display: contents;
    }
    headroom-transport {
      order: 1;
    }
    headroom-ab-switch {
      order: 2;
    }
    headroom-level-controls {
      order: 3;
    }
    .meters {
      order: 4;
    }
    headroom-source-picker {
      order: 5;
    }
    .listen > .fold {
      order: 6;
    }
  }
`;
