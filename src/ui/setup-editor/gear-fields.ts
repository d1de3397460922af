/**
 * The headroom/setup@3 figures of one part, edited: a stage's hiss (none, µV rms or a dynamic
 * range below its full output; A-weighted or unweighted) and the resistance of a return its left
 * and right share (docs/model.md, 14.3 and 14.4). Folded under "Hiss and shared ground" (open when
 * the part came with one, then as the user leaves it: clearing a field never folds it away), for
 * catalog and custom parts alike: a catalog figure can be corrected.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatOhms, withUnit } from '../../text/format.ts';
import type { EditorContext } from './context.ts';
import type { Draft, GearDraft, NoiseKind } from '../../state/editor/draft.ts';
import { numberFromText } from '../../state/editor/evaluate.ts';
import { numberField } from './fields.ts';
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

const NOISE_KINDS: readonly { kind: NoiseKind; label: string }[] = [
  { kind: 'none', label: 'Not stated' },
  { kind: 'uVrms', label: 'µV rms' },
  { kind: 'dynamicRangeDb', label: 'Dynamic range (dB)' },
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
  const noiseField = o.noise
    ? html`<div class="field">
          <label for=${`${id}-noise-kind`}>Hiss (output noise)</label>
          <select
            id=${`${id}-noise-kind`}
            .value=${live(g.noiseKind)}
            @change=${(e: Event) => ctx.update((d) => (o.at(d).noiseKind = (e.target as HTMLSelectElement).value as NoiseKind))}
          >
            ${NOISE_KINDS.map((k) => html`<option value=${k.kind} ?selected=${k.kind === g.noiseKind}>${k.label}</option>`)}
          </select>
        </div>
        ${g.noiseKind === 'none'
          ? nothing
          : html`${numberField(ctx, {
                path: `${o.path}.noise.${g.noiseKind}`,
                label: g.noiseKind === 'uVrms' ? 'Hiss' : 'Dynamic range',
                unit: g.noiseKind === 'uVrms' ? 'µV rms' : 'dB',
                value: g.noiseValue,
                hint: g.noiseKind === 'uVrms' ? 'With no signal, 20 Hz–20 kHz.' : 'Below its full output.',
                set: (d, v) => (o.at(d).noiseValue = v),
              })}
              <div class="field">
                <label for=${`${id}-noise-weighting`}>Weighting</label>
                <select
                  id=${`${id}-noise-weighting`}
                  .value=${live(g.noiseWeighting)}
                  @change=${(e: Event) => ctx.update((d) => (o.at(d).noiseWeighting = (e.target as HTMLSelectElement).value === 'A' ? 'A' : 'unweighted'))}
                >
                  <option value="A" ?selected=${g.noiseWeighting === 'A'}>A-weighted</option>
                  <option value="unweighted" ?selected=${g.noiseWeighting === 'unweighted'}>Unweighted</option>
                </select>
              </div>`}`
    : nothing;
  const toggled = (e: Event): void => {
    const open = (e.target as HTMLDetailsElement).open;
    if (open !== g.open) ctx.update((d) => (o.at(d).open = open));
  };
  return html`<details class="gear" ?open=${g.open} @toggle=${toggled} data-testid=${`${id}-gear`}>
    <summary>${o.noise ? 'Hiss and shared ground' : 'Shared ground'}: <span class="muted">${gearSummary(g, o.noise)}</span></summary>
    <div class="grid">
      ${noiseField}
      ${numberField(ctx, {
        path: `${o.path}.groundResistanceOhms`,
        label: 'Shared return',
        value: g.groundResistanceOhms,
        optional: true,
        hint: `${o.groundHint} Leave blank for none.`,
        set: (d, v) => (o.at(d).groundResistanceOhms = v),
      })}
    </div>
  </details>`;
}
