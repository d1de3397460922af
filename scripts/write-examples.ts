/**
 * Writes examples/<preset-id>.json for the presets users are most likely to start from,
 * so the files in examples/ are exactly the presets' setups; and examples/input/<id>.json,
 * `headroom/setup@2` files: the default preset's chain plus an input-side example
 * (src/model/catalog/input.ts).
 * Run: npx tsx scripts/write-examples.ts   (tests/model/examples.test.ts and
 * tests/model/input/examples.test.ts check they match)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { inputExamples } from '../src/model/catalog/input.ts';
import { defaultPresetId, findPreset } from '../src/model/catalog/presets.ts';
import { SETUP_FORMAT_V2 } from '../src/model/setup.ts';

export const EXAMPLE_PRESET_IDS = [
  'phone-hd600',
  'phone-amp-hd600',
  'laptop-splitter-two-m50x',
  'band-interface-distribution-amp',
  'iec-120-ohm-hf5',
  'phone-four-k371-splitter',
  'laptop-hiss-se846',
] as const;

export function exampleJson(id: string): string {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset "${id}"`);
  return `${JSON.stringify(preset.setup, null, 2)}\n`;
}

export const INPUT_EXAMPLE_IDS = inputExamples.map((example) => example.id);

/** examples/input/<id>.json: the default preset's chain with the example's input section. */
export function inputExampleJson(id: string): string {
  const example = inputExamples.find((e) => e.id === id);
  if (!example) throw new Error(`no input example "${id}"`);
  const chain = findPreset(defaultPresetId)!.setup;
  return `${JSON.stringify({ ...chain, format: SETUP_FORMAT_V2, input: example.input }, null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const id of EXAMPLE_PRESET_IDS) {
    writeFileSync(new URL(`../examples/${id}.json`, import.meta.url), exampleJson(id));
    console.log(`examples/${id}.json`);
  }
  mkdirSync(new URL('../examples/input/', import.meta.url), { recursive: true });
  for (const id of INPUT_EXAMPLE_IDS) {
    writeFileSync(new URL(`../examples/input/${id}.json`, import.meta.url), inputExampleJson(id));
    console.log(`examples/input/${id}.json`);
  }
}
