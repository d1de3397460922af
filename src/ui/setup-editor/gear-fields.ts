/**
 * The headroom/setup@3 figures of one part, edited: a stage's hiss (none, µV rms or a dynamic
 * range below its full output; A-weighted or unweighted) and the resistance of a return its left
 * and right share (docs/model.md, 14.3 and 14.4). Folded under "Hiss and shared ground" (open when
 * the part came with one, then as the user leaves it: clearing a field never folds it away), for
 * catalog and custom parts alike: a catalog figure can be corrected.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatOhms, withUnit } from '../../text/format.ts';
import type { EditorContext } from './context.ts';
import type { Draft, GearDraft, NoiseKind } from '../../state/editor/draft.ts';
import { numberFromText } from '../../state/editor/evaluate.ts';
import { GROUND_FIELD, NOISE_FIELDS } from '../../state/editor/field-specs.ts';
import { numberFields, selectField } from './fields.ts';
import { domId } from '../../state/editor/field-errors.ts';

interface GearFieldsOptions {
  /** The part's setup path: `source`, `amp`, `splitter`, `headphones[2]`. */
  path: string;
  gear: GearDraft;
  /** The part's gear in a copy of the draft, to change it. */
  at: (draft: Draft) => GearDraft;
  /** A stage (source or amp) states its hiss; a splitter or headphone only its return. */
  noise: boolean;
  /** What the return is on this part, for the field's hint. */
  groundHint: string;
}

const NOISE_KINDS = [
  { value: 'none', label: 'Not stated' },
  { value: 'uVrms', label: 'µV rms' },
  { value: 'dynamicRangeDb', label: 'Dynamic range (dB)' },
];

const WEIGHTINGS = [
  { value: 'A', label: 'A-weighted' },
  { value: 'unweighted', label: 'Unweighted' },
];

/** The part's gear in words for the fold's summary: "hiss 5 µV (A-weighted), 0.4 Ω shared return". */
export function gearSummary(gear: GearDraft, noise: boolean): string {
  const parts: string[] = [];
  const value = numberFromText(gear.noiseValue);
  if (noise && gear.noiseKind !== 'none' && typeof value === 'number') {
    const weighting = gear.noiseWeighting === 'A' ? 'A-weighted' : 'unweighted';
    parts.push(gear.noiseKind === 'uVrms' ? `hiss ${withUnit(value, 'µV')} (${weighting})` : `hiss ${withUnit(value, 'dB')} below full output (${weighting})`);
  }
  const ground = numberFromText(gear.groundResistanceOhms);
  if (typeof ground === 'number') parts.push(`${formatOhms(ground)} shared return`);
  return parts.length > 0 ? parts.join(', ') : 'none stated';
}

export function gearFields(ctx: EditorContext, o: GearFieldsOptions): TemplateResult {
  const id = domId(o.path);
  const g = o.gear;
  const fields = (spec: typeof GROUND_FIELD): TemplateResult[] => numberFields(ctx, o.path, [spec], g, o.at);
  const noiseFields = o.noise
    ? html`${selectField(ctx, { id: `${id}-noise-kind`, label: 'Hiss (output noise)', value: g.noiseKind, choices: NOISE_KINDS, narrow: true, onChange: (d, v) => (o.at(d).noiseKind = v as NoiseKind) })}
      ${g.noiseKind === 'none'
        ? nothing
        : html`${fields(NOISE_FIELDS[g.noiseKind])}
          ${selectField(ctx, { id: `${id}-noise-weighting`, label: 'Weighting', value: g.noiseWeighting, choices: WEIGHTINGS, narrow: true, onChange: (d, v) => (o.at(d).noiseWeighting = v === 'A' ? 'A' : 'unweighted') })}`}`
    : nothing;
  const toggled = (e: Event): void => {
    const open = (e.target as HTMLDetailsElement).open;
    if (open !== g.open) ctx.update((d) => (o.at(d).open = open));
  };
  return html`<details class="gear" ?open=${g.open} @toggle=${toggled} data-testid=${`${id}-gear`}>
    <summary>${o.noise ? 'Hiss and shared ground' : 'Shared ground'}: <span class="muted">${gearSummary(g, o.noise)}</span></summary>
    <div class="grid">
      ${noiseFields} ${fields({ ...GROUND_FIELD, hint: `${o.groundHint} Leave blank for none.` })}
    </div>
  </details>`;
}
