/**
 * The editor's labelled form controls. A numeric field is drawn from its descriptor
 * (state/editor/field-specs.ts) by the page's one number field, with the schema's messages
 * and allowed range below it; every rendered path is recorded in `ctx.visible`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { alternativeFigures, NOTABLE_DIFFERENCE_DB } from '../../model/catalog/alternatives.ts';
import type { Alternative } from '../../model/catalog/citations.ts';
import { formatSignedDb } from '../../text/format.ts';
import type { EditorContext } from './context.ts';
import type { Choice } from '../../state/editor/choices.ts';
import type { Draft } from '../../state/editor/draft.ts';
import { domId, messageWithoutPath } from '../../state/editor/field-errors.ts';
import { fieldMessages, fieldPath, type FieldSpec } from '../../state/editor/field-specs.ts';
import { unitOf } from '../../state/editor/ranges.ts';
import { numberField } from '../number-field.ts';

/** The part's numeric fields: `part` is its setup path, `at` its text in a copy of the draft. */
export function numberFields<K extends string>(ctx: EditorContext, part: string, specs: readonly FieldSpec<K>[], values: Record<K, string>, at: (draft: Draft) => Record<K, string>): TemplateResult[] {
  return specs.map((spec) => {
    const path = fieldPath(part, spec);
    ctx.visible.add(path);
    const unit = spec.unit ?? unitOf(path);
    return numberField({
      ...spec,
      ...fieldMessages(ctx.evaluation.fieldErrors.get(path) ?? [], path, unit),
      id: domId(path),
      path,
      unit,
      hint: spec.hint ?? (spec.optional ? 'Leave blank for none.' : undefined),
      value: values[spec.key],
      onInput: (text) => ctx.update((d) => (at(d)[spec.key] = text)),
    });
  });
}

export function textField(ctx: EditorContext, o: { path: string; label: string; value: string; set: (draft: Draft, value: string) => void }): TemplateResult {
  ctx.visible.add(o.path);
  const id = domId(o.path);
  const { errors } = fieldMessages(ctx.evaluation.fieldErrors.get(o.path) ?? [], o.path, '');
  return html`<div class="field wide">
    <label for=${id}>${o.label}</label>
    <input
      id=${id}
      name=${o.path}
      type="text"
      autocomplete="off"
      .value=${live(o.value)}
      aria-invalid=${errors.length > 0 ? 'true' : 'false'}
      aria-describedby=${errors.length > 0 ? `${id}-error` : nothing}
      @input=${(e: Event) => ctx.update((d) => o.set(d, (e.target as HTMLInputElement).value))}
    />
    ${errors.length > 0 ? html`<p class="error" id=${`${id}-error`} data-field=${o.path}>${errors.map((m, i) => html`${i > 0 ? html`<br />` : nothing}${m}.`)}</p>` : nothing}
  </div>`;
}

/** A labelled select, the form's full width unless `narrow`; choices with the same group share an <optgroup>. */
export function selectField(ctx: EditorContext, o: { id: string; label: string; value: string; choices: readonly Choice[]; onChange: (draft: Draft, value: string) => void; narrow?: boolean }): TemplateResult {
  const groups: { name: string | undefined; choices: Choice[] }[] = [];
  for (const choice of o.choices) {
    const last = groups[groups.length - 1];
    if (last && last.name === choice.group) last.choices.push(choice);
    else groups.push({ name: choice.group, choices: [choice] });
  }
  const option = (c: Choice): TemplateResult => html`<option value=${c.value} ?selected=${c.value === o.value}>${c.label}</option>`;
  return html`<div class=${o.narrow ? 'field' : 'field wide'}>
    <label for=${o.id}>${o.label}</label>
    <select id=${o.id} .value=${live(o.value)} @change=${(e: Event) => ctx.update((d) => o.onChange(d, (e.target as HTMLSelectElement).value))}>
      ${groups.map((g) => (g.name ? html`<optgroup label=${g.name}>${g.choices.map(option)}</optgroup>` : g.choices.map(option)))}
    </select>
  </div>`;
}

/** Messages for a path that has no input of its own (e.g. the ratings as a whole). */
export function messagesFor(ctx: EditorContext, path: string): TemplateResult | typeof nothing {
  ctx.visible.add(path);
  const messages = ctx.evaluation.fieldErrors.get(path) ?? [];
  if (messages.length === 0) return nothing;
  return html`<p class="error" id=${`${domId(path)}-error`} role="alert">
    ${messages.map((m, i) => html`${i > 0 ? html`<br />` : nothing}${messageWithoutPath(m, path)}`)}
  </p>`;
}

const KIND_WORD = { manufacturer: "maker's figure", measurement: 'measured', estimate: 'estimate' } as const;

/**
 * The other published figures of a chosen part (a maker's sensitivity and an independent
 * measurement …), each with its source and how far it lies from the figure in use.
 */
export function alternativesNote(part: object, alternatives: readonly Alternative[] | undefined): TemplateResult | typeof nothing {
  const figures = alternativeFigures(part, alternatives);
  if (figures.length === 0) return nothing;
  return html`<span class="muted" data-testid="alternatives">
    Also published:
    ${figures.map((f, i) => {
      const away = Number.isFinite(f.differenceDb) ? html` (${formatSignedDb(f.differenceDb)})` : nothing;
      const text = Math.abs(f.differenceDb) > NOTABLE_DIFFERENCE_DB ? html`<strong>${f.text}${away}</strong>` : html`${f.text}${away}`;
      const source = f.url ? html`<a href=${f.url} target="_blank" rel="noopener" title=${f.source}>${KIND_WORD[f.kind]}</a>` : html`<span title=${f.source}>${KIND_WORD[f.kind]}</span>`;
      return html`${i > 0 ? '; ' : ''}${text}, ${source}`;
    })}.
  </span>`;
}

/** A catalog part chosen: its figures in one sentence, its notes and its other published figures. */
export function partSummary<P extends object>(entry: { part: P; notes?: string; alternatives?: readonly Alternative[] }, figures: (part: P) => (string | false)[]): TemplateResult {
  return html`<p class="summary">
    ${figures(entry.part).filter((f) => f !== false).join(', ')}.
    ${entry.notes ? html`<span class="muted">${entry.notes}</span>` : nothing} ${alternativesNote(entry.part, entry.alternatives)}
  </p>`;
}

/** A button disabled at a limit (a list's shortest or longest), described by the sentence that says why. */
export function limitButton(label: string, o: { limit: string | null; onClick: () => void; small?: boolean; id?: string; testid?: string }): TemplateResult {
  return html`<button
    type="button"
    class=${o.small ? 'small' : nothing}
    id=${o.id ?? nothing}
    data-testid=${o.testid ?? nothing}
    ?disabled=${o.limit !== null}
    aria-describedby=${o.limit ?? nothing}
    @click=${o.onClick}
  >
    ${label}
  </button>`;
}
