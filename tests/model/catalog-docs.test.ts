import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogTables, documentOf, DOC, END, START } from '../../scripts/catalog-tables.ts';
import { catalog } from '../../src/model/catalog/full.ts';

const doc = readFileSync(DOC, 'utf8');

describe('docs/catalog.md', () => {
  it('holds the tables generated from the catalog (npx tsx scripts/catalog-tables.ts --write)', () => {
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start, 'the generated block starts').toBeGreaterThan(0);
    expect(doc.slice(start, end + END.length)).toBe(catalogTables());
  });

  it('lists every entry once, and every estimate of the catalog with how it was made', () => {
    const parts = doc.slice(doc.indexOf(START), doc.indexOf('### Estimates'));
    for (const entry of [...catalog.headphones, ...catalog.sources, ...catalog.amps, ...catalog.splitters]) {
      expect(parts.match(new RegExp(`^\\| ${entry.id} \\|`, 'gm')), entry.id).toHaveLength(1);
    }
    const estimates = [...catalog.headphones, ...catalog.sources, ...catalog.amps, ...catalog.splitters].flatMap((e) => e.citations.filter((c) => c.kind === 'estimate'));
    expect(doc).toContain(`Every figure derived by us (${estimates.length}), with how.`);
  });

  it('names each data set it used with its URL and commit', () => {
    expect(doc).toContain('<https://github.com/Sha1rholder/Sound-Library>, commit\n  `93fe23e65bbb9651007fab21f9b1cd1461da8ec0`');
    expect(doc).toContain('<https://github.com/nguyentran0212/iegems-website>');
  });

  it('keys a cited document without the detail after its first ": " outside quotes', () => {
    expect(documentOf('JDS Labs blog, "PSA: Element is Not an O2": gain 1.0 / 3.3×')).toBe('JDS Labs blog, "PSA: Element is Not an O2"');
    expect(documentOf('Audio Science Review, "Review: Apple vs Google" (amirm, 2019): output impedance 0.9 Ω')).toBe('Audio Science Review, "Review: Apple vs Google" (amirm, 2019)');
    expect(documentOf('No detail here')).toBe('No detail here');
  });
});
