/** Source: a catalog output (phone, laptop, DAC …) or custom values for every field of the schema. */
import { html, nothing, type TemplateResult } from 'lit';
import { sources, type CatalogSource } from '../../model/catalog/index.ts';
import { formatOhms, withUnit } from '../../text/format.ts';
import type { EditorContext } from './context.ts';
import { CUSTOM, entryFor, sourceFields, type Draft } from '../../state/editor/draft.ts';
import { FOUND, numberField, selectField, textField, type Choice } from './fields.ts';
import { gearFields } from './gear-fields.ts';
import { alternativesNote, gearSearch } from './gear-search.ts';

const KIND_LABEL: Record<string, string> = {
  phone: 'Phones',
  dongle: 'Dongles',
  laptop: 'Laptops',
  interface: 'Audio interfaces',
  dac: 'DACs',
  dap: 'Players',
  reference: 'Reference',
};

export function sourceChoices(picked?: CatalogSource): Choice[] {
  const found = picked && !sources.some((s) => s.id === picked.id) ? [{ value: picked.id, label: picked.part.name, group: FOUND }] : [];
  return [
    ...sources.map((s) => ({ value: s.id, label: s.part.name, group: KIND_LABEL[s.kind] ?? s.kind })),
    ...found,
    { value: CUSTOM, label: 'Custom values…' },
  ];
}

export function chooseSource(d: Draft, value: string): void {
  const entry = entryFor(sources, d.source.picked, value);
  d.source = entry ? { ...d.source, choice: value, ...sourceFields(entry.part) } : { ...d.source, choice: CUSTOM };
}

/** A source found with the search: kept as a choice when it is not a built-in one. */
export function pickSource(d: Draft, entry: CatalogSource): void {
  if (!sources.some((s) => s.id === entry.id)) d.source.picked = entry;
  chooseSource(d, entry.id);
}

export function sourceSection(ctx: EditorContext): TemplateResult {
  const s = ctx.draft.source;
  const catalog = entryFor(sources, s.picked, s.choice);
  return html`<fieldset class="section">
    <legend>Source</legend>
    ${gearSearch<CatalogSource>('source', (entry) => ctx.update((d) => pickSource(d, entry)))}
    ${selectField(ctx, { id: 'source-choice', label: 'Headphone output', value: s.choice, choices: sourceChoices(s.picked), onChange: chooseSource })}
    ${catalog
      ? html`<p class="summary">
          ${formatOhms(catalog.part.outputImpedanceOhms)} output impedance, ${withUnit(catalog.part.maxOutputVrms, 'Vrms')} at full
          scale${catalog.part.maxOutputCurrentMa != null ? html`, ${withUnit(catalog.part.maxOutputCurrentMa, 'mA')} peak current limit` : nothing}${catalog
            .part.couplingCapacitorUf != null
            ? html`, ${withUnit(catalog.part.couplingCapacitorUf, 'µF')} coupling capacitor`
            : nothing}.
          ${catalog.notes ? html`<span class="muted">${catalog.notes}</span>` : nothing} ${alternativesNote(catalog.part, catalog.alternatives)}
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
    ${gearFields(ctx, { path: 'source', gear: s.gear, at: (d) => d.source.gear, noise: true, groundHint: 'Its jack’s sleeve, which left and right share.' })}
  </fieldset>`;
}
