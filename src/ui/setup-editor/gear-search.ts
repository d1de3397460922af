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
import type { PartType, SearchEntry, SearchHit } from '../../model/catalog/search.ts';
import { EMPTY_LIST, keyed, typed, type MatchList } from '../../state/editor/match-list.ts';
import { baseStyles, formStyles } from '../styles.ts';
import { editorStyles } from './editor-styles.ts';
import type { UiEvent } from '../events.ts';

declare global {
  interface HTMLElementTagNameMap {
    'headroom-gear-search': HeadroomGearSearch;
  }
}

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

  @state() private list: MatchList = EMPTY_LIST;

  private lookup: Lookup | null = null;

  private async ensureLookup(): Promise<Lookup | null> {
    if (this.lookup) return this.lookup;
    this.list = { ...this.list, status: 'Loading the catalog…' };
    try {
      this.lookup = await loadLookup();
      this.list = { ...this.list, status: '' };
    } catch {
      loading = null;
      this.list = { ...this.list, status: 'The catalog could not be loaded; choose from the list below.' };
    }
    return this.lookup;
  }

  private async onInput(value: string): Promise<void> {
    this.list = { ...this.list, query: value };
    const lookup = await this.ensureLookup();
    if (!lookup || value !== this.list.query) return;
    this.list = typed(value, lookup.searchCatalog(lookup.catalog, value, { types: [this.type] }));
  }

  private pick(hit: SearchHit): void {
    this.list = { ...EMPTY_LIST, status: `${this.lookup?.entryName(hit.entry) ?? ''} chosen.` };
    this.dispatchEvent(new CustomEvent('gear-pick', { detail: { entry: hit.entry } }));
  }

  private onKeydown(event: KeyboardEvent): void {
    const { list, handled, pick } = keyed(this.list, event.key);
    if (handled) event.preventDefault();
    this.list = list;
    if (pick) this.pick(pick);
  }

  protected override updated(): void {
    this.renderRoot.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }

  override render(): TemplateResult {
    const { query, hits, active, open, status } = this.list;
    const expanded = open && hits.length > 0;
    const activeId = expanded && active >= 0 ? `match-${active}` : '';
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
        .value=${query}
        @focus=${() => void this.ensureLookup()}
        @input=${(e: Event) => void this.onInput((e.target as HTMLInputElement).value)}
        @keydown=${this.onKeydown}
        @blur=${() => (this.list = { ...this.list, open: false })}
      />
      <ul id="matches" role="listbox" aria-label="Matches" ?hidden=${!expanded}>
        ${hits.map(
          (hit, i) => html`<li
            id=${`match-${i}`}
            role="option"
            aria-selected=${i === active ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.pick(hit)}
          >
            ${this.lookup?.entryName(hit.entry)} <span class="hint">${hit.entry.kind} · ${this.lookup?.keyFigures(hit.entry)}</span>
          </li>`,
        )}
      </ul>
      <p class="hint" id="search-status" role="status">${status}</p>
    </div>`;
  }
}

/** The search field of one section; a pick becomes the user's edit of the draft. */
export function gearSearch<Entry extends SearchEntry>(type: PartType, onPick: (entry: Entry) => void): TemplateResult {
  return html`<headroom-gear-search type=${type} @gear-pick=${(e: UiEvent<'gear-pick'>) => onPick(e.detail.entry as Entry)}></headroom-gear-search>`;
}
