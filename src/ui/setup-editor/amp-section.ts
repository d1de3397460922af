/**
 * Amp: none, a catalog amp, custom values, or custom from its spec sheet (power ratings
 * at two or more loads → the model's solveSpecSheet → rail, current limit, output impedance).
 * Whether its outputs are shared or independent is chosen in the Splitter section.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { amps, type CatalogAmp } from '../../model/catalog/index.ts';
import { formatOhms, withUnit } from '../../text/format.ts';
import type { EditorContext } from './context.ts';
import { ampFields, CUSTOM, entryFor, NO_AMP, SPEC_SHEET, type Draft } from '../../state/editor/draft.ts';
import { FOUND, numberField, selectField, textField, type Choice } from './fields.ts';
import { alternativesNote, gearSearch } from './gear-search.ts';
import { gearFields } from './gear-fields.ts';
import { specSheetFields } from './spec-sheet-fields.ts';

const KIND_LABEL: Record<string, string> = { desktop: 'Desktop amps', portable: 'Portable amps', distribution: 'Distribution amps' };

export function ampChoices(picked?: CatalogAmp): Choice[] {
  return [
    { value: NO_AMP, label: 'No amp' },
    ...amps.map((a) => ({ value: a.id, label: a.part.name, group: KIND_LABEL[a.kind] ?? a.kind })),
    ...(picked && !amps.some((a) => a.id === picked.id) ? [{ value: picked.id, label: picked.part.name, group: FOUND }] : []),
    { value: CUSTOM, label: 'Custom values…', group: 'Custom' },
    { value: SPEC_SHEET, label: 'Custom from its spec sheet (power ratings)…', group: 'Custom' },
  ];
}

/** Choosing an amp: fills its figures, and keeps the splitter mode consistent with it. */
export function chooseAmp(d: Draft, value: string): void {
  const previous = d.amp.choice;
  d.amp.choice = value;
  const entry = entryFor(amps, d.amp.picked, value);
  if (entry) d.amp.fields = ampFields(entry.part);
  if ((value === SPEC_SHEET || value === CUSTOM) && previous === NO_AMP) d.amp.fields.name = value === SPEC_SHEET ? 'Amp from its spec sheet' : 'Custom amp';
  if (value === SPEC_SHEET && previous !== SPEC_SHEET && previous !== NO_AMP && previous !== CUSTOM) d.amp.fields.name = `${d.amp.fields.name} (from its spec sheet)`;
  const wantsIndependent = entry?.part.outputs === 'independent';
  if (wantsIndependent) {
    if (d.splitter.mode !== 'distribution') d.splitter = { ...d.splitter, mode: 'distribution', cableResistanceOhms: '' };
  } else if (d.splitter.mode === 'distribution' && (value === NO_AMP || entry)) {
    d.splitter.mode = d.listeners.length > 1 ? 'passive' : 'none';
    if (d.splitter.cableResistanceOhms.trim() === '') d.splitter.cableResistanceOhms = '0.064';
  }
}

/** An amp found with the search: kept as a choice when it is not a built-in one. */
export function pickAmp(d: Draft, entry: CatalogAmp): void {
  if (!amps.some((a) => a.id === entry.id)) d.amp.picked = entry;
  chooseAmp(d, entry.id);
}

function catalogSummary(entry: CatalogAmp | undefined): TemplateResult | typeof nothing {
  if (!entry) return nothing;
  const p = entry.part;
  return html`<p class="summary">
    ${withUnit(p.gainDb, 'dB')} gain, ${formatOhms(p.outputImpedanceOhms)} output impedance, ${withUnit(p.maxOutputVrms, 'Vrms')} rail${p.maxOutputCurrentMa != null
      ? html`, ${withUnit(p.maxOutputCurrentMa, 'mA')} peak current limit`
      : nothing}, ${formatOhms(p.inputImpedanceOhms)} input impedance.
    ${entry.notes ? html`<span class="muted">${entry.notes}</span>` : nothing} ${alternativesNote(p, entry.alternatives)}
  </p>`;
}

export function ampSection(ctx: EditorContext): TemplateResult {
  const a = ctx.draft.amp;
  const f = a.fields;
  const common = html`
    ${textField(ctx, { path: 'amp.name', label: 'Name', value: f.name, set: (d, v) => (d.amp.fields.name = v) })}
    ${numberField(ctx, { path: 'amp.gainDb', label: 'Gain', value: f.gainDb, signed: true, set: (d, v) => (d.amp.fields.gainDb = v) })}
    ${numberField(ctx, { path: 'amp.inputImpedanceOhms', label: 'Input impedance', value: f.inputImpedanceOhms, set: (d, v) => (d.amp.fields.inputImpedanceOhms = v) })}
    ${numberField(ctx, { path: 'amp.couplingCapacitorUf', label: 'Coupling capacitor', value: f.couplingCapacitorUf, optional: true, set: (d, v) => (d.amp.fields.couplingCapacitorUf = v) })}
  `;
  let body: TemplateResult | typeof nothing = nothing;
  if (a.choice === CUSTOM) {
    body = html`<div class="grid">
      ${common}
      ${numberField(ctx, { path: 'amp.outputImpedanceOhms', label: 'Output impedance', value: f.outputImpedanceOhms, set: (d, v) => (d.amp.fields.outputImpedanceOhms = v) })}
      ${numberField(ctx, { path: 'amp.maxOutputVrms', label: 'Rail (max. output)', value: f.maxOutputVrms, set: (d, v) => (d.amp.fields.maxOutputVrms = v) })}
      ${numberField(ctx, { path: 'amp.maxOutputCurrentMa', label: 'Peak current limit', value: f.maxOutputCurrentMa, optional: true, set: (d, v) => (d.amp.fields.maxOutputCurrentMa = v) })}
    </div>`;
  } else if (a.choice === SPEC_SHEET) {
    body = html`<div class="grid">${common}</div>
      ${specSheetFields(ctx)}`;
  } else if (a.choice !== NO_AMP) {
    body = catalogSummary(entryFor(amps, a.picked, a.choice));
  }
  return html`<fieldset class="section">
    <legend>Amp</legend>
    ${gearSearch<CatalogAmp>('amp', (entry) => ctx.update((d) => pickAmp(d, entry)))}
    ${selectField(ctx, { id: 'amp-choice', label: 'Headphone amp', value: a.choice, choices: ampChoices(a.picked), onChange: chooseAmp })} ${body}
    ${a.choice === NO_AMP ? nothing : gearFields(ctx, { path: 'amp', gear: f.gear, at: (d) => d.amp.fields.gear, noise: true, groundHint: 'Its output jack’s sleeve (its input returns through the source’s).' })}
  </fieldset>`;
}
