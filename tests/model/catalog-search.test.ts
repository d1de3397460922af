import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/model/catalog/full.ts';
import { searchCatalog, type SearchHit } from '../../src/model/catalog/search.ts';

const ids = (hits: readonly SearchHit[]) => hits.map((hit) => hit.entry.id);

describe('catalog search by brand, model and kind', () => {
  it('every entry is found by its own name, whatever its case and spacing', () => {
    const all = [...catalog.headphones, ...catalog.sources, ...catalog.amps];
    for (const entry of all) {
      const name = 'name' in entry.part ? entry.part.name : '';
      expect(ids(searchCatalog(catalog, name.toUpperCase())), name).toContain(entry.id);
      expect(ids(searchCatalog(catalog, name.replace(/\s+/g, ''))), name).toContain(entry.id);
    }
  });

  it('letters and digits typed together find a model written with a space ("hd600" finds "HD 600")', () => {
    expect(ids(searchCatalog(catalog, 'hd600'))[0]).toBe('sennheiser-hd-600');
    expect(ids(searchCatalog(catalog, 'dt1990'))).toContain('beyerdynamic-dt-1990-pro');
  });

  it('every word must match: "sennheiser hd 6" lists Sennheiser HD 6xx models only', () => {
    const hits = searchCatalog(catalog, 'sennheiser hd 6');
    expect(hits.length).toBeGreaterThanOrEqual(3);
    for (const hit of hits) expect('name' in hit.entry.part && /^Sennheiser HD ?6/i.test(hit.entry.part.name), hit.entry.id).toBe(true);
  });

  it('kind words find their kind: "iem" in-ears, "dongle" dongles, "amp" amps, "planar" planar headphones', () => {
    const iems = searchCatalog(catalog, 'iem');
    const inEars = catalog.headphones.filter((h) => h.kind === 'in-ear').map((h) => h.id);
    expect(ids(iems)).toEqual(expect.arrayContaining(inEars));
    // Besides the in-ears, only parts named for them (an interface's IEM output).
    for (const hit of iems) if (hit.entry.kind !== 'in-ear') expect('name' in hit.entry.part && /\bIEM\b/.test(hit.entry.part.name), hit.entry.id).toBe(true);
    const dongles = searchCatalog(catalog, 'dongle');
    expect(dongles.length).toBeGreaterThanOrEqual(5);
    expect(dongles.every((hit) => hit.type === 'source')).toBe(true);
    const ampHits = searchCatalog(catalog, 'amp');
    expect(ampHits.filter((hit) => hit.type === 'amp').length).toBe(catalog.amps.length);
    const planars = searchCatalog(catalog, 'planar');
    expect(planars.length).toBeGreaterThanOrEqual(50);
    // Planar drivers, or "Planar" in the name (the maker Gold Planar).
    for (const hit of planars) expect(hit.type === 'headphone' && 'driver' in hit.entry && (/planar/.test(hit.entry.driver ?? '') || /planar/i.test(hit.entry.part.name)), hit.entry.id).toBe(true);
  });

  it('a word that starts a model ranks it above one that only contains the letters', () => {
    // "mojo" starts "Mojo" and "Mojo 2"; nothing else contains it.
    expect(ids(searchCatalog(catalog, 'mojo'))).toEqual(['chord-mojo', 'chord-mojo-2']);
    const hits = ids(searchCatalog(catalog, 'hd 650'));
    expect(hits[0]).toBe('sennheiser-hd-650');
  });

  it('limits and part types narrow the result; a query without letters or digits finds nothing', () => {
    expect(searchCatalog(catalog, 'sennheiser', { limit: 3 })).toHaveLength(3);
    expect(searchCatalog(catalog, 'apple', { types: ['source'] }).every((hit) => hit.type === 'source')).toBe(true);
    expect(searchCatalog(catalog, '  -- ')).toEqual([]);
    expect(searchCatalog(catalog, 'zzzz-no-such-gear')).toEqual([]);
  });

  it('accents and "&" are read as plain letters and "and"', () => {
    expect(ids(searchCatalog(catalog, 'astell and kern ak100'))).toContain('astell-kern-ak100');
    expect(ids(searchCatalog(catalog, 'Æon'.normalize('NFKD')))).toBeDefined();
  });
});
