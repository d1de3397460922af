/**
 * Amp: none, a catalog amp, custom values, or custom from its spec sheet (power ratings
 * at two or more loads → the model's solveSpecSheet → rail, current limit, output impedance).
 * Whether its outputs are shared or independent is chosen in the Splitter section.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { amps, type CatalogAmp } from '../../model/catalog/index.ts';
import { formatOhms, withUnit } from '../../text/format.ts';
import type { EditorContext } from './context.ts';
import { ampChoices, chooseAmp, pickAmp } from '../../state/editor/choices.ts';
import { CUSTOM, entryFor, NO_AMP, SPEC_SHEET } from '../../state/editor/draft.ts';
import { AMP_FIELDS, AMP_OUTPUT_FIELDS } from '../../state/editor/field-specs.ts';
import { numberFields, partSummary, selectField, textField } from './fields.ts';
import { gearSearch } from './gear-search.ts';
import { gearFields } from './gear-fields.ts';
import { specSheetFields } from './spec-sheet-fields.ts';

export function ampSection(ctx: EditorContext): TemplateResult {
  const a = ctx.draft.amp;
  const f = a.fields;
  const catalog = entryFor(amps, a.picked, a.choice);
  const custom = a.choice === CUSTOM || a.choice === SPEC_SHEET;
  const fields = (specs: typeof AMP_FIELDS): TemplateResult[] => numberFields(ctx, 'amp', specs, f, (d) => d.amp.fields);
  return html`<fieldset class="section">
    <legend>Amp</legend>
    ${gearSearch<CatalogAmp>('amp', (entry) => ctx.update((d) => pickAmp(d, entry)))}
    ${selectField(ctx, { id: 'amp-choice', label: 'Headphone amp', value: a.choice, choices: ampChoices(a.picked), onChange: chooseAmp })}
    ${custom
      ? html`<div class="grid">
          ${textField(ctx, { path: 'amp.name', label: 'Name', value: f.name, set: (d, v) => (d.amp.fields.name = v) })} ${fields(AMP_FIELDS)}
          ${a.choice === CUSTOM ? fields(AMP_OUTPUT_FIELDS) : nothing}
        </div>`
      : nothing}
    ${a.choice === SPEC_SHEET ? specSheetFields(ctx) : nothing}
    ${catalog
      ? partSummary(catalog, (p) => [
          `${withUnit(p.gainDb, 'dB')} gain`,
          `${formatOhms(p.outputImpedanceOhms)} output impedance`,
          `${withUnit(p.maxOutputVrms, 'Vrms')} rail`,
          p.maxOutputCurrentMa != null && `${withUnit(p.maxOutputCurrentMa, 'mA')} peak current limit`,
          `${formatOhms(p.inputImpedanceOhms)} input impedance`,
        ])
      : nothing}
    ${a.choice === NO_AMP ? nothing : gearFields(ctx, { path: 'amp', gear: f.gear, at: (d) => d.amp.fields.gear, noise: true, groundHint: 'Its output jack’s sleeve (its input returns through the source’s).' })}
  </fieldset>`;
}
