/**
 * Folded sections of the app: a disclosure (<details>) under the section's heading. On a
 * phone the long sections start folded, so the page is a few screens long and what is open
 * is what the user asked for; on a wider screen only the formulas and the claims do (long,
 * and they recompute on every edit). Content of a folded section stays in the page (a blind
 * test or the input side keeps playing while folded) unless it is `lazy`: then it is built
 * only once opened.
 */
import { html, nothing, type TemplateResult } from 'lit';

export type FoldId = 'analysers' | 'sideA' | 'sideB' | 'lessons' | 'plots' | 'derivations' | 'abx' | 'claims' | 'inputSide' | 'export';

/** The phone layout's media query (the width where the app's styles go to one narrow column). */
export const PHONE_QUERY = '(max-width: 40rem)';
const FOLDED_EVERYWHERE: readonly FoldId[] = ['derivations', 'claims'];
const ALL: readonly FoldId[] = ['analysers', 'sideA', 'sideB', 'lessons', 'plots', 'derivations', 'abx', 'claims', 'inputSide', 'export'];

/** Which sections start open. */
export function initialFolds(phone: boolean): Record<FoldId, boolean> {
  return Object.fromEntries(ALL.map((id) => [id, !phone && !FOLDED_EVERYWHERE.includes(id)])) as Record<FoldId, boolean>;
}

export interface FoldOptions {
  open: boolean;
  /** What the section holds, in a few words (the disclosure's label). */
  summary: string;
  onToggle: (open: boolean) => void;
  /** Build the content only while open. */
  lazy?: boolean;
  testId?: string;
}

export function fold(options: FoldOptions, content: () => TemplateResult | typeof nothing): TemplateResult {
  return html`<details
    class="fold"
    data-testid=${options.testId ?? nothing}
    ?open=${options.open}
    @toggle=${(event: Event) => {
      const open = (event.target as HTMLDetailsElement).open;
      if (open !== options.open) options.onToggle(open);
    }}
  >
    <summary>${options.summary}</summary>
    ${options.lazy && !options.open ? nothing : content()}
  </details>`;
}
