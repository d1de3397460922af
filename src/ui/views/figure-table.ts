/**
 * A chart's key numbers as a table for screen readers (the canvas holds no text): one row per
 * entry, one column per figure. Shown to no one else (`.visually-hidden`, styles.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface FigureRow {
  /** The row's heading cell, e.g. "1 kHz" or a headphone's name. */
  label: string;
  cells: string[];
}

/** `empty` fills the table's one row while there are no rows. */
export function figureTable(caption: string, columns: readonly string[], rows: readonly FigureRow[], empty = ''): TemplateResult {
  // Hidden by its wrapper: a table is never narrower than its content, whatever its own width says.
  return html`<div class="visually-hidden"><table data-testid="figures">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        ${columns.map((c) => html`<th scope="col">${c}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.length === 0 && empty ? html`<tr><td colspan=${columns.length}>${empty}</td></tr>` : nothing}
      ${rows.map((row) => html`<tr><th scope="row">${row.label}</th>${row.cells.map((cell) => html`<td>${cell}</td>`)}</tr>`)}
    </tbody>
  </table></div>`;
}

/** The index of the frequency in `hz` nearest (on a log scale) to `target`. */
export function nearestIndex(hz: readonly number[], target: number): number {
  let best = 0;
  for (let i = 1; i < hz.length; i++) if (Math.abs(Math.log(hz[i]! / target)) < Math.abs(Math.log(hz[best]! / target))) best = i;
  return best;
}

/** Where a response table reads its curves. */
export const TABLE_FREQUENCIES_HZ = [20, 100, 1000, 10_000, 20_000] as const;
