/** Source: a catalog output (phone, laptop, DAC …) or custom values for every field of the schema. */
import { html, type TemplateResult } from 'lit';
import { sources, type CatalogSource } from '../../model/catalog/index.ts';
import { formatOhms, withUnit } from '../../text/format.ts';
import type { EditorContext } from './context.ts';
import { chooseSource, pickSource, sourceChoices } from '../../state/editor/choices.ts';
import { entryFor } from '../../state/editor/draft.ts';
import { SOURCE_FIELDS } from '../../state/editor/field-specs.ts';
import { numberFields, partSummary, selectField, textField } from './fields.ts';
import { gearFields } from './gear-fields.ts';
import { gearSearch } from './gear-search.ts';

export function sourceSection(ctx: EditorContext): TemplateResult {
  const s = ctx.draft.source;
  const catalog = entryFor(sources, s.picked, s.choice);
  return html`<fieldset class="section">
    <legend>Source</legend>
    ${gearSearch<CatalogSource>('source', (entry) => ctx.update((d) => pickSource(d, entry)))}
    ${selectField(ctx, { id: 'source-choice', label: 'Headphone output', value: s.choice, choices: sourceChoices(s.picked), onChange: chooseSource })}
    ${catalog
      ? partSummary(catalog, (p) => [
          `${formatOhms(p.outputImpedanceOhms)} output impedance`,
          `${withUnit(p.maxOutputVrms, 'Vrms')} at full scale`,
          p.maxOutputCurrentMa != null && `${withUnit(p.maxOutputCurrentMa, 'mA')} peak current limit`,
          p.couplingCapacitorUf != null && `${withUnit(p.couplingCapacitorUf, 'µF')} coupling capacitor`,
        ])
      : html`<div class="grid">
          ${textField(ctx, { path: 'source.name', label: 'Name', value: s.name, set: (d, v) => (d.source.name = v) })}
          ${numberFields(ctx, 'source', SOURCE_FIELDS, s, (d) => d.source)}
        </div>`}
    ${gearFields(ctx, { path: 'source', gear: s.gear, at: (d) => d.source.gear, noise: true, groundHint: 'Its jack’s sleeve, which left and right share.' })}
  </fieldset>`;
}
