import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSetupJson } from '../../src/model/setup.ts';
import { EXAMPLE_PRESET_IDS, exampleJson } from '../../scripts/write-examples.ts';

const EXAMPLES = new URL('../../examples/', import.meta.url);

describe('examples/', () => {
  it('holds exactly the listed presets, each a valid setup identical to its preset (regenerate: npx tsx scripts/write-examples.ts)', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(EXAMPLE_PRESET_IDS.map((id) => `${id}.json`).sort());
    for (const id of EXAMPLE_PRESET_IDS) {
      const text = readFileSync(new URL(`${id}.json`, EXAMPLES), 'utf8');
      expect(parseSetupJson(text).ok).toBe(true);
      expect(text).toBe(exampleJson(id));
    }
  });
});
