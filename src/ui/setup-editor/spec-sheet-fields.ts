/**
 * The spec-sheet part of a custom amp: 2–12 power ratings (mW into Ω), the fit the model's
 * solveSpecSheet makes of them (rail, current limit, output impedance, its warning and
 * equally good readings), and a button to continue from the fitted figures as custom values.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SpecSheetInterpretation } from '../../model/spec-sheet.ts';
import { formatOhms, withUnit } from '../../text/format.ts';
import type { EditorContext } from './context.ts';
import { editFittedFigures } from '../../state/editor/choices.ts';
import { MAX_RATINGS, MIN_RATINGS } from '../../state/editor/draft.ts';
import { ratingFields } from '../../state/editor/field-specs.ts';
import { limitButton, messagesFor, numberFields } from './fields.ts';

function reading(fit: SpecSheetInterpretation, assumedRailVrms: number | null): TemplateResult {
  return html`${fit.maxOutputVrms !== null
      ? html`rail <strong class="num" data-fit="rail">${withUnit(fit.maxOutputVrms, 'Vrms')}</strong>`
      : html`rail unknown (no rating is limited by it; using the highest rated voltage,
          <strong class="num" data-fit="rail">${withUnit(assumedRailVrms ?? 0, 'Vrms')}</strong>, a lower bound)`},
    current limit
    ${fit.maxOutputCurrentMa !== null
      ? html`<strong class="num" data-fit="current">${withUnit(fit.maxOutputCurrentMa, 'mA')}</strong> peak`
      : html`<strong data-fit="current">none reached</strong>`},
    output impedance <strong class="num" data-fit="zo">${formatOhms(fit.outputImpedanceOhms)}</strong>${fit.outputImpedanceFitted
      ? nothing
      : html` (assumed: fewer than two ratings are limited by the rail)`};
    RMS error <span class="num">${fit.rmsErrorDb.toFixed(2)} dB</span>`;
}

export function specSheetFields(ctx: EditorContext): TemplateResult {
  const ratings = ctx.draft.amp.ratings;
  const { fit, assumedRailVrms } = ctx.evaluation;
  const atMin = ratings.length <= MIN_RATINGS;
  const atMax = ratings.length >= MAX_RATINGS;
  return html`<fieldset class="ratings">
    <legend>Power ratings from the spec sheet</legend>
    <p class="hint">As published, e.g. “220 mW into 16 Ω, 120 mW into 32 Ω”. At least ${MIN_RATINGS} loads, each once.</p>
    <ol class="rating-list">
      ${ratings.map(
        (r, i) => html`<li class="rating">
          ${numberFields(ctx, `ratings[${i}]`, ratingFields(i + 1), r, (d) => d.amp.ratings[i]!)}
          ${limitButton(`Remove rating ${i + 1}`, {
            small: true,
            limit: atMin ? 'ratings-min-reason' : null,
            onClick: () => {
              ctx.update((d) => d.amp.ratings.splice(i, 1));
              ctx.focusAfterRender('#add-rating');
            },
          })}
        </li>`,
      )}
    </ol>
    <div class="row">
      ${limitButton('Add a rating', { id: 'add-rating', limit: atMax ? 'ratings-max-reason' : null, onClick: () => ctx.update((d) => d.amp.ratings.push({ powerMw: '', loadOhms: '' })) })}
      ${atMin ? html`<span class="hint" id="ratings-min-reason">The solver needs at least ${MIN_RATINGS} ratings.</span>` : nothing}
      ${atMax ? html`<span class="hint" id="ratings-max-reason">At most ${MAX_RATINGS} ratings.</span>` : nothing}
    </div>
    ${messagesFor(ctx, 'ratings')}
    ${fit
      ? html`<div class="fit" data-testid="spec-sheet-fit" role="status">
          <p>Fitted: ${reading(fit, assumedRailVrms)}.</p>
          ${fit.warning ? html`<p class="warning" data-testid="fit-warning">Warning: ${fit.warning}.</p>` : nothing}
          ${fit.alternatives.length > 0
            ? html`<p class="muted">
                Also consistent with the ratings: ${fit.alternatives.map((alt, i) => html`${i > 0 ? '; ' : ''}${reading(alt, null)}`)}.
              </p>`
            : nothing}
          <button type="button" @click=${() => ctx.update((d) => editFittedFigures(d, fit, assumedRailVrms))}>Edit these figures as custom values</button>
        </div>`
      : nothing}
  </fieldset>`;
}
