/**
 * The one way the page takes a typed number. It is a text input, so whatever is typed stays
 * on screen as typed (a wrong value is shown with its message, never clamped or replaced);
 * `inputmode` brings up the decimal keypad on a phone, except for a value that may be
 * negative (the keypad has no minus). The caller checks the text and says whether it is
 * invalid; the field ties its messages to the input with `aria-describedby`.
 *
 * `numberInput` is the bare input for a short inline value (the target, a stretch, a sine's
 * frequency); `numberField` is the labelled form field with its unit, hint and messages below
 * (styled by formStyles' `.field`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

export interface NumberInputOptions {
  /** The text as typed. */
  value: string;
  /** Every keystroke, with the input's text. */
  onInput: (text: string) => void;
  /** When the user commits the value (Enter, leaving the field). */
  onChange?: (text: string) => void;
  id?: string;
  name?: string;
  class?: string;
  testid?: string;
  /** The accessible name, for an input with no <label> of its own. */
  label?: string;
  invalid?: boolean;
  describedBy?: string;
  /** The value may be negative: no decimal-only keypad. */
  signed?: boolean;
  /** An empty value means "none". */
  optional?: boolean;
}

const text = (event: Event): string => (event.target as HTMLInputElement).value;

export function numberInput(o: NumberInputOptions): TemplateResult {
  return html`<input
    id=${o.id ?? nothing}
    name=${o.name ?? nothing}
    class=${o.class ?? nothing}
    data-testid=${o.testid ?? nothing}
    aria-label=${o.label ?? nothing}
    type="text"
    inputmode=${o.signed ? 'text' : 'decimal'}
    autocomplete="off"
    spellcheck="false"
    placeholder=${o.optional ? 'none' : nothing}
    .value=${live(o.value)}
    aria-invalid=${o.invalid ? 'true' : 'false'}
    aria-describedby=${o.describedBy || nothing}
    @input=${(e: Event) => o.onInput(text(e))}
    @change=${o.onChange ? (e: Event) => o.onChange!(text(e)) : nothing}
  />`;
}

export interface NumberFieldOptions extends Omit<NumberInputOptions, 'label' | 'invalid' | 'describedBy'> {
  id: string;
  label: string;
  /** Shown after the label, in brackets. */
  unit?: string;
  hint?: string;
  /** What is wrong with the value, one sentence each (without a full stop); none when valid. */
  errors?: readonly string[];
  /** The allowed range in words ("0.1 to 100 H"), added after the errors. */
  allowed?: string;
  /** The setup path the value lands in, named on the error block for tests and the summary's links. */
  path?: string;
}

export function numberField(o: NumberFieldOptions): TemplateResult {
  const errors = o.errors ?? [];
  const hint = o.hint ?? '';
  const hintId = `${o.id}-hint`;
  const errorId = `${o.id}-error`;
  const describedBy = [...(hint ? [hintId] : []), ...(errors.length > 0 ? [errorId] : [])].join(' ');
  return html`<div class="field">
    <label for=${o.id}>${o.label}${o.unit ? html` <span class="unit">(${o.unit})</span>` : nothing}</label>
    ${numberInput({ ...o, label: undefined, name: o.name ?? o.path, invalid: errors.length > 0, describedBy })}
    ${hint ? html`<p class="hint" id=${hintId}>${hint}</p>` : nothing}
    ${errors.length > 0
      ? html`<p class="error" id=${errorId} data-field=${o.path ?? nothing}>
          ${errors.map((m, i) => html`${i > 0 ? html`<br />` : nothing}${m}.`)}${o.allowed ? ` Allowed: ${o.allowed}.` : nothing}
        </p>`
      : nothing}
  </div>`;
}
