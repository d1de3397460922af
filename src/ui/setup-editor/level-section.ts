/** Level: the test signal's level and the source's digital volume. */
import { html, type TemplateResult } from 'lit';
import type { EditorContext } from './context.ts';
import { LEVEL_FIELDS } from '../../state/editor/field-specs.ts';
import { numberFields } from './fields.ts';

export function levelSection(ctx: EditorContext): TemplateResult {
  return html`<fieldset class="section">
    <legend>Level</legend>
    <div class="grid">${numberFields(ctx, '', LEVEL_FIELDS, ctx.draft, (d) => d)}</div>
  </fieldset>`;
}
