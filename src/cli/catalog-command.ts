/**
 * `headroom catalog [--kind headphones|sources|amps|splitters] [--search TEXT] [--json]`:
 * the gear catalog, every entry with the citations of its figures.
 *
 * The JSON is `{ "headphones": [...], "sources": [...], "amps": [...], "splitters": [...] }`
 * (all four keys always; --kind leaves the others empty), each entry `{ id, name, kind,
 * brand?, notes?, part, citations, alternatives? }` where `part` goes into a setup as it is.
 * With --search the entries come best match first (the setup editor's search); otherwise in
 * catalog order, built-in parts first.
 */
import { parseArgs } from 'node:util';
import { entryName, keyFigures } from '../model/catalog/figures.ts';
import { catalog } from '../model/catalog/full.ts';
import { searchCatalog, type PartType, type SearchEntry } from '../model/catalog/search.ts';
import { CliError } from './cli-error.ts';

const KINDS = { headphones: 'headphone', sources: 'source', amps: 'amp', splitters: 'splitter' } as const satisfies Record<string, PartType>;
type KindOption = keyof typeof KINDS;

const isKind = (text: string): text is KindOption => Object.hasOwn(KINDS, text);

function entryJson(entry: SearchEntry): object {
  const { id, kind, brand, notes, part, citations, alternatives } = entry;
  return { id, name: entryName(entry), kind, ...(brand !== undefined && { brand }), ...(notes !== undefined && { notes }), part, citations, ...(alternatives !== undefined && { alternatives }) };
}

function table(rows: readonly SearchEntry[]): string {
  const header = ['id', 'name', 'kind', 'key figures'];
  const cells = rows.map((entry) => [entry.id, entryName(entry), entry.kind, keyFigures(entry)]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]!.length)));
  const line = (row: readonly string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}

export function catalogCommand(args: string[]): string {
  const { values } = parseArgs({
    args,
    options: { kind: { type: 'string' }, search: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const kindText = values.kind;
  if (kindText !== undefined && !isKind(kindText)) throw new CliError(`--kind must be one of ${Object.keys(KINDS).join(', ')} (got ${JSON.stringify(kindText)})`);
  const kinds: KindOption[] = kindText === undefined ? (Object.keys(KINDS) as KindOption[]) : [kindText];
  const groups: Record<KindOption, SearchEntry[]> = { headphones: [], sources: [], amps: [], splitters: [] };
  if (values.search !== undefined) {
    if (values.search.trim() === '') throw new CliError('--search needs some text: a brand, a model or a kind (e.g. --search "hd 600", --search iem)');
    for (const hit of searchCatalog(catalog, values.search, { types: kinds.map((k) => KINDS[k]) })) {
      const key = (Object.keys(KINDS) as KindOption[]).find((k) => KINDS[k] === hit.type)!;
      groups[key].push(hit.entry);
    }
  } else {
    for (const key of kinds) groups[key].push(...catalog[key]);
  }
  if (values.json) return JSON.stringify(Object.fromEntries(Object.entries(groups).map(([key, entries]) => [key, entries.map(entryJson)])), null, 2);
  const rows = Object.values(groups).flat();
  if (rows.length === 0) return `No catalog entry matches ${JSON.stringify(values.search)}${kindText ? ` among the ${kindText}` : ''}.`;
  const counts = (Object.keys(groups) as KindOption[]).filter((k) => groups[k].length > 0).map((k) => `${groups[k].length} ${groups[k].length === 1 ? k.slice(0, -1) : k}`);
  return `${table(rows)}\n\n${counts.join(', ')}. \`headroom catalog --json\` adds every figure's citations.`;
}
