/**
 * The list under the setup editor's catalog search (<headroom-gear-search>, an ARIA
 * combobox): which matches it shows, which one is active, whether it is open and what its
 * status line says, as the user types and presses keys. Pure; the ranking itself is
 * src/model/catalog/search.ts.
 */
import type { SearchHit } from '../../model/catalog/search.ts';

/** How many matches the list shows at once; the status line gives the total. */
export const SHOWN_MATCHES = 8;

export interface MatchList {
  readonly query: string;
  readonly hits: readonly SearchHit[];
  /** The index of the active match, −1 for none. */
  readonly active: number;
  readonly open: boolean;
  readonly status: string;
}

export const EMPTY_LIST: MatchList = { query: '', hits: [], active: -1, open: false, status: '' };

/** After typing `query`, whose matches, best first, are `all`: the first is active, so Enter picks it. */
export function typed(query: string, all: readonly SearchHit[]): MatchList {
  const hits = all.slice(0, SHOWN_MATCHES);
  const open = query.trim() !== '';
  const count = all.length === 1 ? '1 match.' : `${all.length} matches.`;
  const status = !open ? '' : all.length === 0 ? 'No match.' : all.length > SHOWN_MATCHES ? `${all.length} matches; the first ${SHOWN_MATCHES} shown.` : count;
  return { query, hits, active: hits.length > 0 ? 0 : -1, open, status };
}

/**
 * A key pressed in the field: ↓/↑ open the list or move through it (wrapping), Enter picks
 * the active match while the list is open, Escape closes the list and, pressed again, clears
 * the text. `handled` says the key was the field's (its default is prevented: Enter never
 * submits the form); other keys leave the list as it is.
 */
export function keyed(list: MatchList, key: string): { list: MatchList; handled: boolean; pick?: SearchHit } {
  const count = list.hits.length;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp':
      if (!list.open) return { list: { ...list, open: list.query.trim() !== '' }, handled: true };
      if (count === 0) return { list, handled: true };
      return { list: { ...list, active: (list.active + (key === 'ArrowDown' ? 1 : -1) + count) % count }, handled: true };
    case 'Enter': {
      const pick = list.open ? list.hits[list.active] : undefined;
      return pick ? { list, handled: true, pick } : { list, handled: true };
    }
    case 'Escape':
      if (list.open) return { list: { ...list, open: false }, handled: true };
      if (list.query !== '') return { list: { ...list, query: '', status: '' }, handled: true };
      return { list, handled: false };
    default:
      return { list, handled: false };
  }
}
