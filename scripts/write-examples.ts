/**
 * Writes examples/<preset-id>.json for the presets users are most likely to start from,
 * so the files in examples/ are exactly the presets' setups.
 * Run: npx tsx scripts/write-examples.ts   (tests/model/examples.test.ts checks they match)
 */
import { writeFileSync } from 'node:fs';
import { findPreset } from '../src/model/catalog/presets.ts';

export const EXAMPLE_PRESET_IDS = [
  'phone-hd600',
  'phone-amp-hd600',
  'laptop-splitter-two-m50x',
  'band-interface-distribution-amp',
  'iec-120-ohm-hf5',
  'phone-four-k371-splitter',
] as const;

export function exampleJson(id: string): string {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset "${id}"`);
  return `${JSON.stringify(preset.setup, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const id of EXAMPLE_PRESET_IDS) {
    writeFileSync(new URL(`../examples/${id}.json`, import.meta.url), exampleJson(id));
    console.log(`examples/${id}.json`);
  }
}
