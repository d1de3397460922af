/**
 * Labelled form controls. A numeric field is a text input (so whatever is typed stays as
 * typed), with its messages right below it, `aria-invalid` and `aria-describedby` pointing
 * at them, and the allowed range from the schema in the message.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EditorContext } from './context.ts';
import type { Draft } from '../../state/editor/draft.ts';
import { domId, messageWithoutPath } from '../../state/editor/field-errors.ts';
import { rangeOf, rangeText, statesRange, unitOf } from '../../state/editor/ranges.ts';

interface FieldOptions {
  /** The setup path the value lands in; messages naming it are shown here. */
  path: string;
  label: string;
  value: string;
  set: (draft: Draft, value: string) => void;
  /** Shown after the label; defaults to the unit in the path's name. */
  unit?: string;
  /** An empty value means "none". */
  optional?: boolean;
  /** The value may be negative (no decimal-only keypad on phones). */
  signed?: boolean;
  hint?: string;
}

function errorBlock(ctx: EditorContext, path: string, unit: string): { ids: string[]; block: TemplateResult | typeof nothing } {
  const messages = ctx.evaluation.fieldErrors.get(path) ?? [];
  if (messages.length === 0) return { ids: [], block: nothing };
  const id = `${domId(path)}-error`;
  const range = rangeOf(path);
  const allowed = range && !messages.some((m) => statesRange(m, path)) ? ` Allowed: ${rangeText(range, unit)}.` : '';
  return {
    ids: [id],
    block: html`<p class="error" id=${id} data-field=${path}>
      ${messages.map((m, i) => html`${i > 0 ? html`<br />` : nothing}${messageWithoutPath(m, path)}.`)}${allowed}
    </p>`,
  };
}

export function numberField(ctx: EditorContext, o: FieldOptions): TemplateResult {
  ctx.visible.add(o.path);
  const unit = o.unit ?? unitOf(o.path);
  const id = domId(o.path);
  const { ids, block } = errorBlock(ctx, o.path, unit);
  const hint = o.hint ?? (o.optional ? 'Leave blank for none.' : '');
  const describedBy = [...(hint ? [`${id}-hint`] : []), ...ids].join(' ');
  return html`<div class="field">
    <label for=${id}>${o.label}${unit ? html` <span class="unit">(${unit})</span>` : nothing}</label>
    <input
      id=${id}
      name=${o.path}
      type="text"
      inputmode=${o.signed ? 'text' : 'decimal'}
      autocomplete="off"
      spellcheck="false"
      placeholder=${o.optional ? 'none' : ''}
      .value=${live(o.value)}
      aria-invalid=${ids.length > 0 ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(e: Event) => ctx.update((d) => o.set(d, (e.target as HTMLInputElement).value))}
    />
    ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${block}
  </div>`;
}

export function textField(ctx: EditorContext, o: Omit<FieldOptions, 'unit' | 'optional' | 'signed'>): TemplateResult {
  ctx.visible.add(o.path);
  const id = domId(o.path);
  const { ids, block } = errorBlock(ctx, o.path, '');
  return html`<div class="field wide">
    <label for=${id}>${o.label}</label>
    <input
      id=${id}
      name=${o.path}
      type="text"
      autocomplete="off"
      .value=${live(o.value)}
      aria-invalid=${ids.length > 0 ? 'true' : 'false'}
      aria-describedby=${ids.join(' ') || nothing}
      @input=${(e: Event) => ctx.update((d) => o.set(d, (e.target as HTMLInputElement).value))}
    />
    ${block}
  </div>`;
}

/** The group of a choice list that holds an entry found with the catalog search. */
export const FOUND = 'Found in the catalog';

export interface Choice {
  value: string;
  label: string;
  /** Options with the same group share an <optgroup>. */
  group?: string;
}

export function selectField(
  ctx: EditorContext,
  o: { id: string; label: string; value: string; choices: readonly Choice[]; onChange: (draft: Draft, value: string) => void; describedBy?: string },
): TemplateResult {
  const groups: { name: string | undefined; choices: Choice[] }[] = [];
  for (const choice of o.choices) {
    const last = groups[groups.length - 1];
    if (last && last.name === choice.group) last.choices.push(choice);
    else groups.push({ name: choice.group, choices: [choice] });
  }
  const option = (c: Choice) => html`<option value=${c.value} ?selected=${c.value === o.value}>${c.label}</option>`;
  return html`<div class="field wide">
    <label for=${o.id}>${o.label}</label>
    <select
      id=${o.id}
      .value=${live(o.value)}
      aria-describedby=${o.describedBy || nothing}
      @change=${(e: Event) => ctx.update((d) => o.onChange(d, (e.target as HTMLSelectElement).value))}
    >
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
