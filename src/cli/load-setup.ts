import { parseSetupJson, type Setup } from '../model/setup.ts';
import { CliError } from './cli-error.ts';
import { readTextFile } from './read-text-file.ts';

/** Reads and validates a setup file; every failure becomes one clear CliError line. */
export async function loadSetupFile(path: string): Promise<Setup> {
  const text = await readTextFile(path, 'a setup JSON file');
  if (text.trim() === '') throw new CliError(`${path}: file is empty, expected a headroom/setup@1 JSON document`);
  const parsed = parseSetupJson(text);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.errors;
    const more = rest.length > 0 ? ` (and ${rest.length} more: ${rest.join('; ')})` : '';
    throw new CliError(`${path}: ${first}${more}`);
  }
  return parsed.value;
}
