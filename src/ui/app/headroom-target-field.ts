/**
 * <headroom-target-field>: the listening target, the peak SPL the advice judges every listener
 * against. What is typed stays as typed; a value outside the model's range shows the range
 * and reaches nothing. Property `value` down, `target-change` { targetSplDb } up (valid only).
 */
import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { checkTargetSplDb, TARGET_SPL_RANGE } from '../../model/advice.ts';
import { numberInput } from '../number-field.ts';
import { readNumber } from '../../text/typed-number.ts';
import { baseStyles, controlStyles, noteStyles } from '../styles.ts';
import { emit } from '../emit.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-target-field': HeadroomTargetField;
  }
}

@customElement('headroom-target-field')
export class HeadroomTargetField extends LitElement {
  static override styles = [
    baseStyles,
    controlStyles,
    noteStyles,
    css`
      :host {
        display: block;
        margin-bottom: 1rem;
      }
      label {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.6rem;
        font-weight: 600;
      }
      .hint {
        margin-top: 0.25rem;
      }
    `,
  ];

  /** The target in force (dB SPL). */
  @property({ type: Number }) value = 110;

  @state() private text = '110';
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && Number(this.text) !== this.value) {
      this.text = String(this.value);
      this.error = '';
    }
  }

  override render(): TemplateResult {
    const { min, max } = TARGET_SPL_RANGE;
    return html`<label>
        Loudest clean peaks you want
        ${numberInput({ class: 'field', testid: 'target-spl', value: this.text, invalid: !!this.error, describedBy: 'target-help', onInput: this.onInput })}
        dB SPL
      </label>
      ${this.error
        ? html`<p class="hint error" id="target-help" role="alert" data-testid="target-error">${this.error}</p>`
        : html`<p class="hint" id="target-help">
            The advice judges each listener against this: 110 dB SPL is loud music with peaks about 20 dB over a
            90 dB average. Allowed: ${min} to ${max}.
          </p>`}`;
  }

  private readonly onInput = (text: string): void => {
    this.text = text;
    const value = readNumber(text) ?? Number.NaN;
    try {
      const targetSplDb = checkTargetSplDb(value);
      this.error = '';
      emit(this, 'target-change', { targetSplDb });
    } catch {
      this.error = `The target must be a number from ${TARGET_SPL_RANGE.min} to ${TARGET_SPL_RANGE.max} dB SPL (got ${JSON.stringify(this.text)}); the advice keeps ${this.value} dB SPL.`;
    }
  };
}
