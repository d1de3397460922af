/** What each section of the editor gets from the element: the draft, its evaluation, and a way to change it. */
import type { Draft } from '../../state/editor/draft.ts';
import type { Evaluation } from '../../state/editor/evaluate.ts';

export interface EditorContext {
  readonly draft: Draft;
  readonly evaluation: Evaluation;
  /** Field paths rendered so far; messages for paths not rendered are listed at the top. */
  readonly visible: Set<string>;
  /** Applies a change to a copy of the draft, re-validates, and emits `setup-change` when valid. */
  update(change: (draft: Draft) => void): void;
  /** After the next render, focuses the first enabled element matching a selector (keeps keyboard users in place). */
  focusAfterRender(...selectors: string[]): void;
}
