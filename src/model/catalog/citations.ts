/**
 * Types of the gear catalog: every part is a plain setup part (validated by the zod schemas
 * in ../setup.ts) plus the citations of its figures.
 *
 * Rule: every numeric figure of a part has a citation whose `field` is its path inside the
 * part (`impedance.network.reOhms`, `maxOutputVrms`; curve points are cited once as
 * `impedance.curve`). An estimate states how it was derived. A figure published twice with
 * different values (a maker's spec and an independent measurement, or two units) keeps the
 * part's value and lists the other under `alternatives`, each with its own citation.
 */
import type { Amp, Headphone, Sensitivity, Source, Splitter } from '../setup.ts';

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

/**
 * Another published value of a figure the part states: `sensitivity` (a value and its unit)
 * or a numeric field (`impedance.nominalOhms`, `outputImpedanceOhms`, …). Its citation's
 * `field` is the same path.
 */
export interface Alternative {
  readonly field: string;
  readonly value: number | Sensitivity;
  readonly citation: Citation;
}

interface CatalogEntry<Kind extends string, Part> {
  /** kebab-case, unique across the catalog. */
  readonly id: string;
  readonly kind: Kind;
  /** For search: the maker (also in the part's name). */
  readonly brand?: string;
  readonly notes?: string;
  readonly part: Part;
  readonly citations: readonly Citation[];
  readonly alternatives?: readonly Alternative[];
}

export type HeadphoneKind = 'in-ear' | 'on-ear' | 'over-ear';
export type SourceKind = 'phone' | 'dongle' | 'laptop' | 'interface' | 'dac' | 'dap' | 'reference';
export type AmpKind = 'desktop' | 'portable' | 'distribution';

export type CatalogHeadphone = CatalogEntry<HeadphoneKind, Headphone> & {
  /** For search: `dynamic`, `planar`, `balanced armature` … and `open` or `closed` back. */
  readonly driver?: string;
  readonly back?: string;
};
export type CatalogSource = CatalogEntry<SourceKind, Source>;
export type CatalogAmp = CatalogEntry<AmpKind, Amp>;
export type CatalogSplitter = CatalogEntry<'passive-y', Splitter>;

/** A catalog's parts by type: the built-in ones, or the whole catalog (full.ts). */
export interface CatalogParts {
  readonly headphones: readonly CatalogHeadphone[];
  readonly sources: readonly CatalogSource[];
  readonly amps: readonly CatalogAmp[];
  readonly splitters: readonly CatalogSplitter[];
}
