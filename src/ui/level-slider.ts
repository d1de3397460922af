/**
 * The listening level's slider with its readout: the Listen card's and the input side's. The
 * range is the engine's (LISTENING_LEVEL_RANGE, whole dB); `onInput` gets the slider's text.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { LISTENING_LEVEL_RANGE } from '../audio/engine/index.ts';
import { formatDb } from '../text/format.ts';

export function levelSlider(testid: string, db: number, onInput: (text: string) => void): TemplateResult {
  return html`<input
      type="range"
      data-testid=${testid}
      min=${LISTENING_LEVEL_RANGE.min}
      max=${LISTENING_LEVEL_RANGE.max}
      step="1"
      .value=${live(String(db))}
      aria-valuetext=${formatDb(db, 0)}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />
    <span class="num">${formatDb(db, 0)}</span>`;
}
