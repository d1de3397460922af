/** Reads and validates a setup file; every failure becomes one CliError line naming the file. */
import { parseSetupJson, type Setup } from '../model/setup.ts';
import { CliError } from './cli-error.ts';
import { readTextFile } from './read-text-file.ts';

export async function loadSetupFile(path: string): Promise<Setup> {
  const parsed = parseSetupJson(await readTextFile(path, 'a headroom/setup@1 JSON document'));
  if (!parsed.ok) {
    const [first, ...rest] = parsed.errors;
    const more = rest.length > 0 ? ` (and ${rest.length} more: ${rest.slice(0, 3).join('; ')}${rest.length > 3 ? '; …' : ''})` : '';
    throw new CliError(`${path}: ${first}${more}`);
  }
  return parsed.value;
}
