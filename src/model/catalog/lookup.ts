/**
 * What the setup editor's catalog search loads on first use, with one dynamic import: the whole
 * catalog (full.ts), the search over it and the one-line figures of each match. None of it is in
 * the app's main bundle (docs/decisions.md).
 */
export { catalog } from './full.ts';
export { entryName, keyFigures } from './figures.ts';
export { searchCatalog } from './search.ts';
