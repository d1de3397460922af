/**
 * Layout of <headroom-setup-editor>, after baseStyles, formStyles (its fields, labels and
 * errors) and accentButtonStyles (its buttons).
 */
import { css } from 'lit';

export const editorStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.2rem;
  }
  fieldset {
    padding: 0.75rem 0.9rem 0.9rem;
  }
  .section {
    background: var(--_surface);
    margin-bottom: 0.9rem;
  }
  .listener,
  .ratings {
    background: var(--_surface-2);
    margin-top: 0.6rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10.5rem), 1fr));
    gap: 0.6rem 0.8rem;
    margin-top: 0.6rem;
  }
  .hint {
    margin: 0;
    font-size: 0.82rem;
    color: var(--_muted);
  }
  .errors {
    border: 1px solid var(--_bad);
    background: var(--_bad-bg);
    border-radius: var(--_radius);
    padding: 0.6rem 0.9rem;
    margin: 0 0 0.9rem;
    overflow-wrap: anywhere;
  }
  .errors ul {
    margin: 0.3rem 0 0;
    padding-left: 1.2rem;
  }
  .status {
    margin: 0 0 0.9rem;
    color: var(--_bad);
    font-weight: 550;
  }
  .summary {
    margin: 0.6rem 0 0;
    font-size: 0.9rem;
  }
  .summary .muted {
    display: block;
    margin-top: 0.25rem;
    font-size: 0.82rem;
  }
  .modes {
    display: grid;
    gap: 0.4rem;
  }
  .mode {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 550;
  }
  .mode input {
    margin-top: 0.3rem;
    width: 1.05rem;
    height: 1.05rem;
    flex: none;
  }
  .mode .hint {
    display: block;
    font-weight: 400;
  }
  ol.listeners,
  ol.rating-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .rating {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
    gap: 0.5rem 0.8rem;
    align-items: end;
    padding: 0.5rem 0;
    border-bottom: 1px dashed var(--_border);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.8rem;
    margin-top: 0.7rem;
  }
  .fit {
    margin-top: 0.7rem;
    padding: 0.6rem 0.8rem;
    border-radius: 8px;
    background: var(--_good-bg);
    overflow-wrap: anywhere;
  }
  .fit p {
    margin: 0 0 0.4rem;
  }
  .warning {
    color: var(--_warn);
    background: var(--_warn-bg);
    border-radius: 6px;
    padding: 0.3rem 0.5rem;
  }
  details.gear {
    margin-top: 0.7rem;
  }
  details.gear > summary {
    cursor: pointer;
    font-size: 0.9rem;
    font-weight: 550;
    min-height: 1.5rem;
  }
  details.gear > summary .muted {
    font-weight: 400;
  }
  .curve-import .hint {
    flex: 1 1 14rem;
  }
  [data-testid^='curve-note'] {
    margin-top: 0.5rem;
    overflow-wrap: anywhere;
  }
`;
