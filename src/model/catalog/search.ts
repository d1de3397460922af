/**
 * Type-ahead search over catalog entries by brand, model and kind, shared by the setup editor
 * and `headroom catalog --search`.
 *
 * Every word of the query must match the entry: as the start of one of its words ("sen hd6"),
 * as the start of its words run together ("hd600" finds "HD 600"), or as a kind word
 * ("iem", "dongle", "planar", "amp"). Entries whose words start with the query's words rank
 * first; ties keep the catalog's order, which lists the built-in parts first.
 */
import type { CatalogAmp, CatalogHeadphone, CatalogParts, CatalogSource, CatalogSplitter } from './citations.ts';
import { entryName } from './figures.ts';

export type PartType = 'headphone' | 'source' | 'amp' | 'splitter';

export type SearchEntry = CatalogHeadphone | CatalogSource | CatalogAmp | CatalogSplitter;

export interface SearchHit {
  readonly type: PartType;
  readonly entry: SearchEntry;
}


/** Words a user may type for a kind of part (the kind itself is always one of them). */
const KIND_WORDS: Readonly<Record<string, string>> = {
  'in-ear': 'iem iems earphone earphones earbud earbuds monitor',
  'on-ear': 'headphone headphones',
  'over-ear': 'headphone headphones',
  phone: 'smartphone mobile jack',
  dongle: 'usb adapter dac',
  laptop: 'computer notebook jack',
  interface: 'audio sound card',
  dac: 'usb',
  dap: 'player walkman',
  reference: 'standard',
  desktop: 'amp amplifier',
  portable: 'amp amplifier',
  distribution: 'amp amplifier',
  'passive-y': 'splitter cable',
};

const TYPE_WORDS: Readonly<Record<PartType, string>> = {
  headphone: '',
  source: 'source output',
  amp: 'amp amplifier',
  splitter: 'splitter',
};

/** Lower case, accents removed, "&" as "and": the form both sides are compared in. */
export function normalize(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ');
}

const words = (text: string): string[] => normalize(text).split(/[^a-z0-9]+/).filter((w) => w !== '');

/** A name's words and, for words mixing letters and digits, their parts ("hd620s": "hd", "620", "s"). */
const nameWords = (text: string): string[] => {
  const all = words(text);
  const parts = all.flatMap((w) => {
    const split = w.match(/[a-z]+|[0-9]+/g) ?? [];
    return split.length > 1 ? split : [];
  });
  return [...all, ...parts];
};

interface Haystack {
  words: string[];
  /** The words run together from each word on: "hd600" matches "hd" + "600", "6" does not match "560s". */
  tails: string[];
  name: string;
}

const haystacks = new WeakMap<SearchEntry, Haystack>();

function haystack(entry: SearchEntry, type: PartType): Haystack {
  let found = haystacks.get(entry);
  if (!found) {
    const name = entryName(entry);
    const extra = 'driver' in entry ? `${entry.driver ?? ''} ${entry.back ?? ''}` : '';
    const all = nameWords(`${name} ${entry.brand ?? ''} ${entry.kind} ${KIND_WORDS[entry.kind] ?? ''} ${TYPE_WORDS[type]} ${extra}`);
    const plain = words(`${name} ${entry.brand ?? ''}`);
    found = { words: all, tails: plain.map((_, i) => plain.slice(i).join('')), name: normalize(name) };
    haystacks.set(entry, found);
  }
  return found;
}

/** How well the query words match: 0 when one of them does not match at all. */
function score(query: readonly string[], hay: Haystack): number {
  let total = 0;
  for (const word of query) {
    if (hay.words.includes(word)) total += 3;
    else if (hay.words.some((w) => w.startsWith(word))) total += 2;
    else if (hay.tails.some((t) => t.startsWith(word))) total += 1;
    else return 0;
  }
  return total + (hay.name.startsWith(query[0]!) ? 1 : 0);
}

/** The entries matching the query, best first; none for a query without letters or digits. */
export function searchCatalog(catalog: CatalogParts, query: string, options: { types?: readonly PartType[]; limit?: number } = {}): SearchHit[] {
  const queryWords = words(query);
  if (queryWords.length === 0) return [];
  const groups: [PartType, readonly SearchEntry[]][] = [
    ['headphone', catalog.headphones],
    ['source', catalog.sources],
    ['amp', catalog.amps],
    ['splitter', catalog.splitters],
  ];
  const scored: { hit: SearchHit; score: number; order: number }[] = [];
  for (const [type, entries] of groups) {
    if (options.types && !options.types.includes(type)) continue;
    for (const entry of entries) {
      const s = score(queryWords, haystack(entry, type));
      if (s > 0) scored.push({ hit: { type, entry }, score: s, order: scored.length });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const hits = scored.map((s) => s.hit);
  return options.limit === undefined ? hits : hits.slice(0, options.limit);
}
