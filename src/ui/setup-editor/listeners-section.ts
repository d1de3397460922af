/**
 * Listeners 1–8: each a catalog headphone or custom nominal impedance and sensitivity
 * (dB/V or dB/mW), with a name. Add and remove buttons are disabled at the limits, with
 * the reason next to them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { headphones, type CatalogHeadphone } from '../../model/catalog/index.ts';
import { MAX_LISTENERS, type Headphone } from '../../model/setup.ts';
import { formatOhms, trim } from '../../text/format.ts';
import type { EditorContext } from './context.ts';
import { applyCurveImport, CURVE_FILE_TYPES, parseCurveText, readCurveFile } from '../../state/editor/curve-file.ts';
import { addListener, chooseHeadphone, headphoneChoices, pickHeadphone } from '../../state/editor/choices.ts';
import { CUSTOM, entryFor, type ListenerDraft } from '../../state/editor/draft.ts';
import { listenerFields } from '../../state/editor/field-specs.ts';
import { carriesFiles } from '../controllers/file-drop-controller.ts';
import { alternativesNote, limitButton, numberFields, selectField, textField } from './fields.ts';
import { gearFields } from './gear-fields.ts';
import { gearSearch } from './gear-search.ts';

const SENSITIVITY_UNITS = [
  { value: 'dB/V', label: 'dB/V' },
  { value: 'dB/mW', label: 'dB/mW' },
];

export function impedanceText(headphone: Headphone): string {
  const z = headphone.impedance;
  if (z.network) return `${formatOhms(z.network.reOhms)} voice coil${z.network.motional ? ' with resonance' : ''} (network)`;
  if (z.curve) return `measured curve, ${z.curve.length} points`;
  return z.nominalOhms != null ? formatOhms(z.nominalOhms) : '';
}

/** Reads a chosen or dropped file and imports it onto the listener with `key` (curve-file.ts). */
async function importCurve(ctx: EditorContext, key: number, file: File): Promise<void> {
  const read = await readCurveFile(file);
  const result = read.ok ? parseCurveText(read.text, file.name) : read;
  ctx.update((d) => applyCurveImport(d, key, file.name, result));
}

function curveImportRow(ctx: EditorContext, listener: ListenerDraft, i: number): TemplateResult {
  const note = listener.curveImport;
  const noteId = `headphones-${i}-curve-note`;
  return html`<div class="row curve-import">
      <button type="button" class="small" data-testid=${`import-curve-${i}`} aria-describedby=${note ? noteId : `headphones-${i}-curve-hint`} @click=${(e: Event) => ((e.currentTarget as HTMLElement).nextElementSibling as HTMLInputElement).click()}>
        Import curve…
      </button>
      <input
        type="file"
        hidden
        aria-label=${`Impedance curve file for listener ${i + 1}`}
        accept=${CURVE_FILE_TYPES}
        data-testid=${`curve-file-${i}`}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (file) void importCurve(ctx, listener.key, file);
        }}
      />
      <span class="hint" id=${`headphones-${i}-curve-hint`}>A measured impedance curve (REW, ARTA/LIMP, DATS or hz, ohms[, degrees]), or drop the file on this listener.</span>
    </div>
    ${note ? html`<p id=${noteId} class=${note.ok ? 'summary' : 'error'} role=${note.ok ? 'status' : 'alert'} data-testid=${`curve-note-${i}`}>${note.text}</p>` : nothing}`;
}

function onDragOver(e: DragEvent): void {
  if (!carriesFiles(e)) return;
  e.preventDefault();
  e.dataTransfer!.dropEffect = 'copy';
}

function listenerFieldset(ctx: EditorContext, listener: ListenerDraft, i: number): TemplateResult {
  const count = ctx.draft.listeners.length;
  const base = `headphones[${i}]`;
  const onDrop = (e: DragEvent): void => {
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void importCurve(ctx, listener.key, file);
  };
  return html`<li>
    <fieldset class="listener" data-testid=${`listener-${i}`} @dragover=${onDragOver} @drop=${onDrop}>
      <legend>Listener ${i + 1}</legend>
      <div class="grid">
        ${textField(ctx, { path: `${base}.name`, label: 'Name', value: listener.name, set: (d, v) => (d.listeners[i]!.name = v) })}
        ${gearSearch<CatalogHeadphone>('headphone', (entry) => ctx.update((d) => pickHeadphone(d, i, entry)))}
        ${selectField(ctx, { id: `headphones-${i}-choice`, label: 'Headphone', value: listener.choice, choices: headphoneChoices(listener), onChange: (d, v) => chooseHeadphone(d, i, v) })}
      </div>
      ${listener.choice !== CUSTOM && listener.part
        ? html`<p class="summary" data-testid="headphone-summary">
            ${impedanceText(listener.part)}, ${trim(listener.part.sensitivity.value)} ${listener.part.sensitivity.unit}
            ${alternativesNote(listener.part, entryFor(headphones, listener.picked, listener.choice)?.alternatives)}
          </p>`
        : html`<div class="grid">
            ${numberFields(ctx, base, listenerFields(listener.unit), listener, (d) => d.listeners[i]!)}
            ${selectField(ctx, { id: `headphones-${i}-unit`, label: 'Sensitivity unit', value: listener.unit, choices: SENSITIVITY_UNITS, narrow: true, onChange: (d, v) => (d.listeners[i]!.unit = v === 'dB/mW' ? 'dB/mW' : 'dB/V') })}
          </div>`}
      ${curveImportRow(ctx, listener, i)}
      ${gearFields(ctx, { path: base, gear: listener.gear, at: (d) => d.listeners[i]!.gear, noise: false, groundHint: 'Its plug’s sleeve and the cable’s common wire.' })}
      <div class="row">
        ${limitButton(`Remove listener ${i + 1}`, {
          small: true,
          testid: `remove-listener-${i}`,
          limit: count <= 1 ? 'listeners-min-reason' : null,
          onClick: () => {
            ctx.update((d) => d.listeners.splice(i, 1));
            ctx.focusAfterRender(`[data-testid="remove-listener-${Math.max(0, i - 1)}"]`, '[data-testid="add-listener"]');
          },
        })}
      </div>
    </fieldset>
  </li>`;
}

export function listenersSection(ctx: EditorContext): TemplateResult {
  const listeners = ctx.draft.listeners;
  const atMax = listeners.length >= MAX_LISTENERS;
  // Built now, not inside repeat(): the element needs every field path before it lists unplaced messages.
  const items = listeners.map((l, i) => listenerFieldset(ctx, l, i));
  return html`<fieldset class="section">
    <legend>Listeners <span class="muted num">(${listeners.length} of at most ${MAX_LISTENERS})</span></legend>
    <ol class="listeners">
      ${repeat(
        listeners,
        (l) => l.key,
        (_l, i) => items[i]!,
      )}
    </ol>
    <div class="row">
      ${limitButton('Add listener', { testid: 'add-listener', limit: atMax ? 'listeners-max-reason' : null, onClick: () => ctx.update(addListener) })}
      ${atMax ? html`<span class="hint" id="listeners-max-reason">${MAX_LISTENERS} listeners is the most a setup can have.</span>` : nothing}
      ${listeners.length <= 1 ? html`<span class="hint" id="listeners-min-reason">A setup needs at least one listener.</span>` : nothing}
    </div>
  </fieldset>`;
}
