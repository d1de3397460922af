import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error.ts';

/** A file's text; a missing file, a directory or a read error becomes one clear CliError line. */
export async function readTextFile(path: string, expected: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`);
    if (code === 'EISDIR') throw new CliError(`${path}: is a directory, expected ${expected}`);
    throw new CliError(`${path}: cannot read (${code ?? (error as Error).message})`);
  }
}
