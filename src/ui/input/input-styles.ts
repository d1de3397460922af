/** Layout of <headroom-input-panel>; its heading, form, buttons, badge and caption are the shared ones (styles.ts). */
import { css } from 'lit';
import { cardSurface, smallCaps } from '../styles.ts';

export const inputPanelStyles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6rem 1rem;
    ${cardSurface}
    padding: 0.7rem 0.9rem;
    margin-bottom: 0.9rem;
  }
  .inline,
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: 550;
  }
  .level {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    flex: 1 1 14rem;
    min-width: 0;
  }
  .level input {
    flex: 1 1 auto;
    min-width: 6rem;
    accent-color: var(--_accent);
  }
  .sides {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 21rem), 1fr));
    gap: 0.9rem;
    margin-bottom: 0.9rem;
  }
  fieldset {
    padding: 0.6rem 0.9rem 0.9rem;
    background: var(--_surface);
  }
  fieldset.side.heard {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  fieldset fieldset {
    background: var(--_surface-2);
    margin-top: 0.7rem;
  }
  .check {
    grid-column: 1 / -1;
    font-size: 0.9rem;
  }
  .check input {
    flex: none;
    margin: 0;
  }
  .paths {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 1rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr));
    gap: 0.6rem 0.8rem;
    margin-top: 0.5rem;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.05rem;
    height: 1.05rem;
    accent-color: var(--_accent);
  }
  .note {
    margin: 0.6rem 0 0;
    font-size: 0.85rem;
  }
  .warn {
    margin: 0 0 0.9rem;
    color: var(--_warn);
    background: var(--_warn-bg);
    border-radius: var(--_radius);
    padding: 0.5rem 0.8rem;
  }
  .bad {
    color: var(--_bad);
    background: var(--_bad-bg);
  }
  .readouts {
    ${cardSurface}
    padding: 0.6rem 0.9rem;
    margin-bottom: 0.9rem;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.92rem;
  }
  caption {
    text-align: left;
    padding-bottom: 0.4rem;
    overflow-wrap: anywhere;
  }
  th,
  td {
    text-align: left;
    padding: 0.3rem 0.5rem 0.3rem 0;
    border-top: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    border-top: 0;
    color: var(--_muted);
    font-weight: 600;
  }
  tbody th {
    font-weight: 550;
  }
  tbody th .muted,
  td .detail {
    display: block;
    font-weight: 400;
    font-size: 0.8rem;
  }
  td.value {
    font-variant-numeric: tabular-nums;
  }
  tr.group th {
    ${smallCaps}
    padding-top: 0.6rem;
  }
`;
