/**
 * <headroom-gear-search type="headphone|source|amp">: type-ahead search over the whole gear
 * catalog by brand, model and kind, as an ARIA combobox (an input with a listbox popup):
 * ↓/↑ move through the matches, Enter picks, Escape closes the list (a second Escape
 * clears the text), a click or tap picks too. The first match is active as soon as there is
 * one, so typing a model and Enter picks it.
 *
 * The catalog (hundreds of cited entries) is loaded with a dynamic import the first time the
 * field is focused, so it stays out of the app's main bundle (docs/decisions.md). A pick is
 * sent up as `gear-pick` with the entry; the editor turns it into the user's edit.
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { alternativeFigures, NOTABLE_DIFFERENCE_DB } from '../../model/catalog/alternatives.ts';
import type { Alternative } from '../../model/catalog/citations.ts';
import type { PartType, SearchEntry, SearchHit } from '../../model/catalog/search.ts';
import { formatSignedDb } from '../../text/format.ts';
import { accentButtonStyles, baseStyles, formStyles } from '../styles.ts';
import { editorStyles } from './editor-styles.ts';
import type { UiEvent } from '../events.ts';


declare global {
  interface HTMLElementTagNameMap {
    'headroom-gear-search': HeadroomGearSearch;
  }
}

/** How many matches the list shows at once; the status line gives the total. */
export const SHOWN_MATCHES = 8;

type Lookup = typeof import('../../model/catalog/lookup.ts');

let loading: Promise<Lookup> | null = null;
/** The whole catalog and its search, imported once, on first use. */
export const loadLookup = (): Promise<Lookup> => (loading ??= import('../../model/catalog/lookup.ts'));

const WHAT: Record<PartType, string> = { headphone: 'headphones and in-ears', source: 'phones, laptops, dongles and DACs', amp: 'headphone amps', splitter: 'splitters' };

@customElement('headroom-gear-search')
export class HeadroomGearSearch extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    accentButtonStyles,
    editorStyles,
    css`
      :host {
        display: block;
        grid-column: 1 / -1;
      }
      .combo {
        position: relative;
      }
      [role='listbox'] {
        position: absolute;
        z-index: 5;
        inset: calc(100% + 2px) 0 auto;
        margin: 0;
        padding: 0.25rem 0;
        list-style: none;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: 8px;
        max-height: min(20rem, 60vh);
        overflow-y: auto;
        box-shadow: 0 6px 18px rgb(0 0 0 / 0.18);
      }
      [role='option'] {
        padding: 0.4rem 0.6rem;
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      [role='option'][aria-selected='true'] {
        background: var(--_surface-2);
        box-shadow: inset 3px 0 0 var(--_accent);
      }
      [role='option'] .hint {
        display: block;
      }
    `,
  ];

  /** Which part the search finds; picks are always of this type. */
  @property() type: PartType = 'headphone';

  @state() private query = '';
  @state() private hits: SearchHit[] = [];
  @state() private active = -1;
  @state() private open = false;
  @state() private status = '';

  private lookup: Lookup | null = null;

  private async ensureLookup(): Promise<Lookup | null> {
    if (this.lookup) return this.lookup;
    this.status = 'Loading the catalog…';
    try {
      this.lookup = await loadLookup();
      this.status = '';
    } catch {
      loading = null;
      this.status = 'The catalog could not be loaded; choose from the list below.';
    }
    return this.lookup;
  }

  private async onInput(value: string): Promise<void> {
    this.query = value;
    const lookup = await this.ensureLookup();
    if (!lookup || value !== this.query) return;
    const all = lookup.searchCatalog(lookup.catalog, value, { types: [this.type] });
    this.hits = all.slice(0, SHOWN_MATCHES);
    this.active = this.hits.length > 0 ? 0 : -1;
    this.open = value.trim() !== '';
    this.status = !this.open ? '' : all.length === 0 ? 'No match.' : all.length > SHOWN_MATCHES ? `${all.length} matches; the first ${SHOWN_MATCHES} shown.` : `${all.length} ${all.length === 1 ? 'match' : 'matches'}.`;
  }

  private pick(hit: SearchHit): void {
    this.query = '';
    this.open = false;
    this.hits = [];
    this.active = -1;
    this.status = `${this.lookup?.entryName(hit.entry) ?? ''} chosen.`;
    this.dispatchEvent(new CustomEvent('gear-pick', { detail: { entry: hit.entry } }));
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.hits.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.open) {
          if (this.query.trim() !== '') this.open = true;
          return;
        }
        if (count === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active = (this.active + step + count) % count;
        return;
      }
      case 'Enter': {
        // Never submits the form; picks the active match when the list is open.
        event.preventDefault();
        const hit = this.open ? this.hits[this.active] : undefined;
        if (hit) this.pick(hit);
        return;
      }
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.open = false;
        } else if (this.query !== '') {
          event.preventDefault();
          this.query = '';
          this.status = '';
        }
        return;
      default:
    }
  }

  protected override updated(): void {
    this.renderRoot.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }

  override render(): TemplateResult {
    const expanded = this.open && this.hits.length > 0;
    const activeId = expanded && this.active >= 0 ? `match-${this.active}` : '';
    return html`<div class="field wide combo">
      <label for="search">Find in the catalog <span class="unit">(brand, model or kind)</span></label>
      <input
        id="search"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        placeholder=${`Search ${WHAT[this.type]}…`}
        aria-autocomplete="list"
        aria-controls="matches"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${activeId || nothing}
        aria-describedby="search-status"
        .value=${this.query}
        @focus=${() => void this.ensureLookup()}
        @input=${(e: Event) => void this.onInput((e.target as HTMLInputElement).value)}
        @keydown=${this.onKeydown}
        @blur=${() => (this.open = false)}
      />
      <ul id="matches" role="listbox" aria-label="Matches" ?hidden=${!expanded}>
        ${this.hits.map(
          (hit, i) => html`<li
            id=${`match-${i}`}
            role="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.pick(hit)}
          >
            ${this.lookup?.entryName(hit.entry)} <span class="hint">${hit.entry.kind} · ${this.lookup?.keyFigures(hit.entry)}</span>
          </li>`,
        )}
      </ul>
      <p class="hint" id="search-status" role="status">${this.status}</p>
    </div>`;
  }
}

/** The search field of one section; a pick becomes the user's edit of the draft. */
export function gearSearch<Entry extends SearchEntry>(type: PartType, onPick: (entry: Entry) => void): TemplateResult {
  return html`<headroom-gear-search type=${type} @gear-pick=${(e: UiEvent<'gear-pick'>) => onPick(e.detail.entry as Entry)}></headroom-gear-search>`;
}

const KIND_WORD = { manufacturer: "maker's figure", measurement: 'measured', estimate: 'estimate' } as const;

/**
 * The other published figures of a chosen part (a maker's sensitivity and an independent
 * measurement …), each with its source and how far it lies from the figure in use.
 */
export function alternativesNote(part: object, alternatives: readonly Alternative[] | undefined): TemplateResult | typeof nothing {
  const figures = alternativeFigures(part, alternatives);
  if (figures.length === 0) return nothing;
  return html`<span class="muted" data-testid="alternatives">
    Also published:
    ${figures.map((f, i) => {
      const away = Number.isFinite(f.differenceDb) ? html` (${formatSignedDb(f.differenceDb)})` : nothing;
      const text = Math.abs(f.differenceDb) > NOTABLE_DIFFERENCE_DB ? html`<strong>${f.text}${away}</strong>` : html`${f.text}${away}`;
      const source = f.url ? html`<a href=${f.url} target="_blank" rel="noopener" title=${f.source}>${KIND_WORD[f.kind]}</a>` : html`<span title=${f.source}>${KIND_WORD[f.kind]}</span>`;
      return html`${i > 0 ? '; ' : ''}${text}, ${source}`;
    })}.
  </span>`;
}
