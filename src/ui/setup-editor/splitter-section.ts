/**
 * Splitter: none, a passive Y (its cable resistance per branch), or a distribution amp —
 * in the setup contract an amp with `outputs: "independent"` (one output stage per jack),
 * optionally with a cable per jack (`splitter.cableResistanceOhms`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { amps } from '../../model/catalog/index.ts';
import type { EditorContext } from './context.ts';
import { ampFields, defaultCableOhms, distributionAmpId, NO_AMP, type Draft, type SplitterMode } from '../../state/editor/draft.ts';
import { messagesFor, numberField } from './fields.ts';
import { gearFields } from './gear-fields.ts';

const MODES: readonly { mode: SplitterMode; label: string; hint: string }[] = [
  { mode: 'none', label: 'None', hint: 'Every listener is plugged into the same output.' },
  { mode: 'passive', label: 'Passive Y splitter', hint: 'One output shared by all listeners, through a cable per branch.' },
  { mode: 'distribution', label: 'Distribution amp', hint: 'The amp has one output stage per jack (independent outputs): nobody loads anybody else.' },
];

export function chooseSplitter(d: Draft, mode: SplitterMode): void {
  const wasDistribution = d.splitter.mode === 'distribution';
  d.splitter.mode = mode;
  if (mode === 'passive' && d.splitter.cableResistanceOhms.trim() === '') d.splitter.cableResistanceOhms = defaultCableOhms();
  if (mode === 'distribution' && !wasDistribution) d.splitter.cableResistanceOhms = '';
  if (mode === 'distribution' && d.amp.choice === NO_AMP) {
    // A distribution amp is an amp: start from the catalog's.
    const id = distributionAmpId();
    const entry = amps.find((a) => a.id === id);
    if (entry) {
      d.amp.choice = entry.id;
      d.amp.fields = ampFields(entry.part);
    }
  }
}

export function splitterSection(ctx: EditorContext): TemplateResult {
  const s = ctx.draft.splitter;
  return html`<fieldset class="section">
    <legend>Splitter</legend>
    <div class="modes" role="radiogroup" aria-label="Splitter">
      ${MODES.map(
        (m) => html`<label class="mode">
          <input
            type="radio"
            name="splitter-mode"
            value=${m.mode}
            .checked=${s.mode === m.mode}
            aria-describedby=${`splitter-${m.mode}-hint`}
            @change=${() => ctx.update((d) => chooseSplitter(d, m.mode))}
          />
          <span>${m.label}<span class="hint" id=${`splitter-${m.mode}-hint`}>${m.hint}</span></span>
        </label>`,
      )}
    </div>
    ${messagesFor(ctx, 'splitter.mode')}
    ${s.mode === 'passive'
      ? html`<div class="grid">
          ${numberField(ctx, {
            path: 'splitter.cableResistanceOhms',
            label: 'Cable resistance per branch',
            value: s.cableResistanceOhms,
            set: (d, v) => (d.splitter.cableResistanceOhms = v),
          })}
        </div>`
      : s.mode === 'distribution'
        ? html`<div class="grid">
            ${numberField(ctx, {
              path: 'splitter.cableResistanceOhms',
              label: 'Cable resistance per jack',
              value: s.cableResistanceOhms,
              optional: true,
              set: (d, v) => (d.splitter.cableResistanceOhms = v),
            })}
          </div>`
        : nothing}
    ${s.mode === 'none'
      ? nothing
      : gearFields(ctx, {
          path: 'splitter',
          gear: s.gear,
          at: (d) => d.splitter.gear,
          noise: false,
          groundHint: s.mode === 'passive' ? 'The common leg every listener returns through.' : 'Per jack (with no cable stated, the cables count as 0 Ω).',
        })}
  </fieldset>`;
}
