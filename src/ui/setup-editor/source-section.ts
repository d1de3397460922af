/** Source: a catalog output (phone, laptop, DAC …) or custom values for every field of the schema. */
import { html, nothing, type TemplateResult } from 'lit';
import { sources } from '../../model/catalog/index.ts';
import { formatOhms, withUnit } from '../format.ts';
import type { EditorContext } from './context.ts';
import { CUSTOM, sourceFields } from './draft.ts';
import { numberField, selectField, textField, type Choice } from './fields.ts';

const KIND_LABEL: Record<string, string> = {
  phone: 'Phones',
  dongle: 'Dongles',
  laptop: 'Laptops',
  interface: 'Audio interfaces',
  dac: 'DACs',
  reference: 'Reference',
};

export function sourceChoices(): Choice[] {
  return [
    ...sources.map((s) => ({ value: s.id, label: s.part.name, group: KIND_LABEL[s.kind] ?? s.kind })),
    { value: CUSTOM, label: 'Custom values…' },
  ];
}

export function sourceSection(ctx: EditorContext): TemplateResult {
  const s = ctx.draft.source;
  const catalog = sources.find((entry) => entry.id === s.choice);
  return html`<fieldset class="section">
    <legend>Source</legend>
    ${selectField(ctx, {
      id: 'source-choice',
      label: 'Headphone output',
      value: s.choice,
      choices: sourceChoices(),
      onChange: (d, value) => {
        const entry = sources.find((candidate) => candidate.id === value);
        d.source = entry ? { choice: value, ...sourceFields(entry.part) } : { ...d.source, choice: CUSTOM };
      },
    })}
    ${catalog
      ? html`<p class="summary">
          ${formatOhms(catalog.part.outputImpedanceOhms)} output impedance, ${withUnit(catalog.part.maxOutputVrms, 'Vrms')} at full
          scale${catalog.part.maxOutputCurrentMa != null ? html`, ${withUnit(catalog.part.maxOutputCurrentMa, 'mA')} peak current limit` : nothing}${catalog
            .part.couplingCapacitorUf != null
            ? html`, ${withUnit(catalog.part.couplingCapacitorUf, 'µF')} coupling capacitor`
            : nothing}.
          ${catalog.notes ? html`<span class="muted">${catalog.notes}</span>` : nothing}
        </p>`
      : html`<div class="grid">
          ${textField(ctx, { path: 'source.name', label: 'Name', value: s.name, set: (d, v) => (d.source.name = v) })}
          ${numberField(ctx, { path: 'source.outputImpedanceOhms', label: 'Output impedance', value: s.outputImpedanceOhms, set: (d, v) => (d.source.outputImpedanceOhms = v) })}
          ${numberField(ctx, {
            path: 'source.maxOutputVrms',
            label: 'Voltage at full scale',
            value: s.maxOutputVrms,
            hint: 'Open-circuit, for a 0 dBFS sine at volume 0 dB.',
            set: (d, v) => (d.source.maxOutputVrms = v),
          })}
          ${numberField(ctx, {
            path: 'source.maxOutputCurrentMa',
            label: 'Peak current limit',
            value: s.maxOutputCurrentMa,
            optional: true,
            set: (d, v) => (d.source.maxOutputCurrentMa = v),
          })}
          ${numberField(ctx, {
            path: 'source.couplingCapacitorUf',
            label: 'Coupling capacitor',
            value: s.couplingCapacitorUf,
            optional: true,
            set: (d, v) => (d.source.couplingCapacitorUf = v),
          })}
        </div>`}
  </fieldset>`;
}
