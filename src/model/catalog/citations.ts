/**
 * Types of the gear catalog: every part is a plain `headroom/setup@1` object
 * (validated by the zod schemas in ../setup.ts) plus the citations of its figures.
 *
 * Rule: every numeric figure of a part has a citation whose `field` is its path
 * inside the part (`impedance.network.reOhms`, `maxOutputVrms`; curve points are
 * cited once as `impedance.curve`). An estimate states how it was derived.
 */
import type { Amp, Headphone, Source, Splitter } from '../setup.ts';

export type CitationKind = 'manufacturer' | 'measurement' | 'estimate';

export interface Citation {
  /** Path of the figure inside the part, e.g. `impedance.nominalOhms`. */
  readonly field: string;
  /** Title, author or site, year. */
  readonly source: string;
  readonly url?: string;
  /** manufacturer spec, independent measurement, or our estimate. */
  readonly kind: CitationKind;
  /** Required for estimates: how the figure was derived. Optional context otherwise. */
  readonly reasoning?: string;
}

interface CatalogEntry<Kind extends string, Part> {
  /** kebab-case, unique across the catalog. */
  readonly id: string;
  readonly kind: Kind;
  readonly notes?: string;
  readonly part: Part;
  readonly citations: readonly Citation[];
}

export type HeadphoneKind = 'in-ear' | 'on-ear' | 'over-ear';
export type SourceKind = 'phone' | 'dongle' | 'laptop' | 'interface' | 'dac' | 'reference';
export type AmpKind = 'desktop' | 'portable' | 'distribution';

export type CatalogHeadphone = CatalogEntry<HeadphoneKind, Headphone>;
export type CatalogSource = CatalogEntry<SourceKind, Source>;
export type CatalogAmp = CatalogEntry<AmpKind, Amp>;
export type CatalogSplitter = CatalogEntry<'passive-y', Splitter>;
