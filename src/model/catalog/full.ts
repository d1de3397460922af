/**
 * The whole catalog: the built-in parts that presets and lessons use (headphones.ts, sources.ts,
 * amps.ts, splitters.ts) followed by the cited entries of ./data (catalog-data.ts). It is large,
 * so the app loads it (through lookup.ts) with a dynamic import, for the setup editor's search only
 * (docs/decisions.md, "A catalog of hundreds of parts, loaded when searched").
 */
import { amps } from './amps.ts';
import { loadCatalogData, type FitData } from './catalog-data.ts';
import type { CatalogParts } from './citations.ts';
import ampData from './data/amps.json';
import headphoneData from './data/headphones.json';
import references from './data/references.json';
import sourceData from './data/sources.json';
import { headphones } from './headphones.ts';
import { sources } from './sources.ts';
import { splitters } from './splitters.ts';

export type FullCatalog = CatalogParts;

const data = loadCatalogData({ references, headphones: headphoneData, sources: sourceData, amps: ampData });

export const catalog: FullCatalog = {
  headphones: [...headphones, ...data.headphones],
  sources: [...sources, ...data.sources],
  amps: [...amps, ...data.amps],
  splitters,
};

/** The measured |Z| points each network of the data files was fitted to (see docs/catalog.md). */
export const dataNetworkFits: Readonly<Record<string, FitData>> = data.fits;
