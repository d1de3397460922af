import { readFile } from 'node:fs/promises';
import { parseSetupJson, type Setup } from '../model/setup.ts';
import { CliError } from './cli-error.ts';

/** Reads and validates a setup file; every failure becomes one clear CliError line. */
export async function loadSetupFile(path: string): Promise<Setup> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`);
    if (code === 'EISDIR') throw new CliError(`${path}: is a directory, expected a setup JSON file`);
    throw new CliError(`${path}: cannot read (${code ?? (error as Error).message})`);
  }
  if (text.trim() === '') throw new CliError(`${path}: file is empty, expected a headroom/setup@1 JSON document`);
  const parsed = parseSetupJson(text);
  if (!parsed.ok) {
    const [first, ...rest] = parsed.errors;
    const more = rest.length > 0 ? ` (and ${rest.length} more: ${rest.join('; ')})` : '';
    throw new CliError(`${path}: ${first}${more}`);
  }
  return parsed.value;
}
