/** Level: the test signal's level and the source's digital volume. */
import { html, type TemplateResult } from 'lit';
import type { EditorContext } from './context.ts';
import { numberField } from './fields.ts';

export function levelSection(ctx: EditorContext): TemplateResult {
  const d = ctx.draft;
  return html`<fieldset class="section">
    <legend>Level</legend>
    <div class="grid">
      ${numberField(ctx, {
        path: 'signal.levelDbfs',
        label: 'Signal level',
        value: d.levelDbfs,
        signed: true,
        hint: 'Peak level of the test sine; 0 dBFS is full scale.',
        set: (draft, v) => (draft.levelDbfs = v),
      })}
      ${numberField(ctx, {
        path: 'source.volumeDb',
        label: 'Source volume',
        value: d.volumeDb,
        signed: true,
        hint: 'Digital volume before the DAC; 0 dB is full volume.',
        set: (draft, v) => (draft.volumeDb = v),
      })}
    </div>
  </fieldset>`;
}
