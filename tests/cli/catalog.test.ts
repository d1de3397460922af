import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/model/catalog/full.ts';
import { ampSchema, headphoneSchema, SETUP_FORMAT, sourceSchema, splitterSchema } from '../../src/model/setup.ts';
import { expectOneLineError, headroom } from '../support/cli.ts';

interface Entry {
  id: string;
  name: string;
  kind: string;
  part: Record<string, unknown>;
  citations: { field: string; source: string; kind: string }[];
}
type CatalogJson = Record<'headphones' | 'sources' | 'amps' | 'splitters', Entry[]>;

let all: CatalogJson;

beforeAll(async () => {
  const outcome = await headroom('catalog', '--json');
  expect(outcome.code).toBe(0);
  all = JSON.parse(outcome.stdout) as CatalogJson;
}, 30_000);

describe('headroom catalog', () => {
  it('--json lists at least 150 headphones, 25 sources and 15 amps, each a valid setup part with the citations of its figures', () => {
    expect(Object.keys(all)).toEqual(['headphones', 'sources', 'amps', 'splitters']);
    expect(all.headphones.length).toBeGreaterThanOrEqual(150);
    expect(all.sources.length).toBeGreaterThanOrEqual(25);
    expect(all.amps.length).toBeGreaterThanOrEqual(15);
    expect(all.headphones.map((e) => e.id)).toEqual(catalog.headphones.map((e) => e.id));
    const schemas = { headphones: headphoneSchema, sources: sourceSchema, amps: ampSchema, splitters: splitterSchema };
    for (const [group, entries] of Object.entries(all) as [keyof CatalogJson, Entry[]][]) {
      for (const entry of entries) {
        expect(schemas[group].safeParse(entry.part).success, entry.id).toBe(true);
        expect(entry.citations.length, entry.id).toBeGreaterThan(0);
        expect(entry.name, entry.id).not.toBe('');
      }
    }
  });

  it('a part from --json goes into a setup file as it is: an IEM on a dongle gets a report', async () => {
    const iem = all.headphones.find((e) => e.id === 'campfire-audio-andromeda-2020')!;
    const dongle = all.sources.find((e) => e.id === 'audioquest-dragonfly-cobalt')!;
    const dir = await mkdtemp(join(tmpdir(), 'headroom-catalog-'));
    const file = join(dir, 'setup.json');
    const setup = { format: SETUP_FORMAT, signal: { levelDbfs: -10 }, source: { ...dongle.part, volumeDb: -20 }, amp: null, splitter: null, headphones: [iem.part] };
    await writeFile(file, JSON.stringify(setup));
    const outcome = await headroom('report', file, '--json');
    expect(outcome.stderr).toBe('');
    const report = JSON.parse(outcome.stdout) as { headphones: { splDb: number }[] };
    expect(Number.isFinite(report.headphones[0]!.splDb)).toBe(true);
  }, 30_000);

  it('--kind and --search narrow the list; the table gives id, name, kind and key figures', async () => {
    const outcome = await headroom('catalog', '--kind', 'sources', '--search', 'dragonfly');
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+kind\s+key figures$/);
    const cobalt = lines.find((line) => line.startsWith('audioquest-dragonfly-cobalt '));
    expect(cobalt).toMatch(/AudioQuest DragonFly Cobalt\s+dongle\s+[\d.]+ Ω out, [\d.]+ Vrms/);
    expect(lines.at(-1)).toMatch(/^\d+ sources\. /);

    const json = JSON.parse((await headroom('catalog', '--kind', 'headphones', '--search', 'iem', '--json')).stdout) as CatalogJson;
    expect(json.sources).toEqual([]);
    expect(json.headphones.length).toBeGreaterThanOrEqual(10);
    expect(json.headphones.every((e) => e.kind === 'in-ear')).toBe(true);
  }, 30_000);

  it('a search that matches nothing says so and succeeds', async () => {
    const outcome = await headroom('catalog', '--search', 'no such gear anywhere');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^No catalog entry matches "no such gear anywhere"\./);
  }, 30_000);

  it('refuses an unknown kind, an empty search or an unknown option with one line on stderr', async () => {
    expectOneLineError(await headroom('catalog', '--kind', 'cables'), /--kind must be one of headphones, sources, amps, splitters \(got "cables"\)/);
    expectOneLineError(await headroom('catalog', '--search', '  '), /--search needs some text/);
    expectOneLineError(await headroom('catalog', '--format', 'csv'), /--format/);
  }, 30_000);
});
