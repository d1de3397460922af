/**
 * <headroom-preset-picker>: a labelled select over the presets. Properties down (the list
 * and the selected id), one event up: `preset-change` with `{ id }` when the user picks one.
 * When the pair on screen is no preset (`selected` is ''), the select says "Custom".
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles, boxedControl } from './styles.ts';
import { emit } from './emit.ts';

export interface PresetOption {
  id: string;
  title: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'headroom-preset-picker': HeadroomPresetPicker;
  }
}

@customElement('headroom-preset-picker')
export class HeadroomPresetPicker extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      label {
        display: grid;
        gap: 0.4rem;
        font-weight: 600;
      }
      select {
        ${boxedControl}
        font-weight: 400;
        border-radius: 8px;
        padding: 0.45rem 2rem 0.45rem 0.7rem;
        width: 100%;
        min-width: 0;
        text-overflow: ellipsis;
      }
    `,
  ];

  @property({ attribute: false }) presets: readonly PresetOption[] = [];

  @property() selected = '';

  override render(): TemplateResult {
    return html`<label>
      Preset
      <select data-testid="preset" @change=${this.onChange} .value=${this.selected}>
        ${this.selected === '' ? html`<option value="" selected disabled>Custom (not a preset)</option>` : nothing}
        ${this.presets.map((p) => html`<option value=${p.id} ?selected=${p.id === this.selected}>${p.title}</option>`)}
      </select>
    </label>`;
  }

  private onChange(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    emit(this, 'preset-change', { id });
  }
}
