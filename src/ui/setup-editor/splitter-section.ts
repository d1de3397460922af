/**
 * Splitter: none, a passive Y (its cable resistance per branch), or a distribution amp —
 * in the setup contract an amp with `outputs: "independent"` (one output stage per jack),
 * optionally with a cable per jack (`splitter.cableResistanceOhms`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EditorContext } from './context.ts';
import { chooseSplitter, SPLITTER_MODES } from '../../state/editor/choices.ts';
import { CABLE_FIELDS } from '../../state/editor/field-specs.ts';
import { messagesFor, numberFields } from './fields.ts';
import { gearFields } from './gear-fields.ts';

export function splitterSection(ctx: EditorContext): TemplateResult {
  const s = ctx.draft.splitter;
  return html`<fieldset class="section">
    <legend>Splitter</legend>
    <div class="modes" role="radiogroup" aria-label="Splitter">
      ${SPLITTER_MODES.map(
        (m) => html`<label class="mode">
          <input
            type="radio"
            name="splitter-mode"
            value=${m.mode}
            .checked=${s.mode === m.mode}
            aria-describedby=${`splitter-${m.mode}-hint`}
            @change=${() => ctx.update((d) => chooseSplitter(d, m.mode))}
          />
          <span>${m.label}<span class="hint" id=${`splitter-${m.mode}-hint`}>${m.hint}</span></span>
        </label>`,
      )}
    </div>
    ${messagesFor(ctx, 'splitter.mode')}
    ${s.mode === 'none'
      ? nothing
      : html`<div class="grid">${numberFields(ctx, 'splitter', [CABLE_FIELDS[s.mode]], s, (d) => d.splitter)}</div>
          ${gearFields(ctx, {
            path: 'splitter',
            gear: s.gear,
            at: (d) => d.splitter.gear,
            noise: false,
            groundHint: s.mode === 'passive' ? 'The common leg every listener returns through.' : 'Per jack (with no cable stated, the cables count as 0 Ω).',
          })}`}
  </fieldset>`;
}
