/**
 * `-o <dir>` is checked before anything renders: it must be a directory this process can
 * write into, or a path where one can be created. A file there, a path under a file, a
 * folder without write permission or a place where nothing may be created (/proc) is one
 * CliError line, at once, instead of a stack trace after the whole render. The folders
 * created here are removed again if the render fails and leaves them empty.
 */
import { constants } from 'node:fs';
import { access, mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError } from './cli-error.ts';

export interface OutputDir {
  readonly path: string;
  /** Removes the folders this run created, when they are empty (after a failed render). */
  removeCreated(): Promise<void>;
}

async function kindOf(path: string): Promise<'directory' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'missing';
    if (code === 'ENOTDIR') return 'other';
    throw error;
  }
}

/** Checks `path` (creating it and any missing parents) and each of `subfolders` inside it. */
export async function prepareOutputDir(path: string, subfolders: readonly string[] = []): Promise<OutputDir> {
  const created: string[] = [];
  const label = `-o ${path}`;
  const target = resolve(path);
  const kind = await kindOf(target);
  if (kind === 'other') throw new CliError(`${label}: is a file, not a folder; -o names the folder for the output files`);
  if (kind === 'missing') {
    // The nearest existing ancestor must be a folder: "out.wav/x" under a file cannot be made.
    let ancestor = dirname(target);
    while ((await kindOf(ancestor)) === 'missing' && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
    if ((await kindOf(ancestor)) !== 'directory') throw new CliError(`${label}: cannot be created, because ${ancestor} is a file`);
  }
  for (const folder of [target, ...subfolders.map((sub) => resolve(target, sub))]) {
    try {
      const made = await mkdir(folder, { recursive: true });
      if (made !== undefined) created.push(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR') throw new CliError(`${label}: ${folder} is a file, not a folder`);
      throw new CliError(`${label}: cannot create the folder ${folder} (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (error as Error).message)})`);
    }
    try {
      await access(folder, constants.W_OK | constants.X_OK);
    } catch {
      throw new CliError(`${label}: cannot write into ${folder} (permission denied)`);
    }
  }
  return {
    path,
    async removeCreated() {
      for (const folder of created.reverse()) await rmdir(folder).catch(() => undefined);
    },
  };
}
