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
    // ENOTDIR: a file stands somewhere on the way; the ancestor walk below names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
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
  // The folders to make, outermost first. The nearest existing ancestor must be a folder:
  // "out.wav/x" under a file cannot be made. (One level at a time: Node's recursive mkdir
  // spins for ever on /proc.)
  const missing: string[] = [];
  if (kind === 'missing') {
    let folder = target;
    while ((await kindOf(folder)) === 'missing' && dirname(folder) !== folder) {
      missing.unshift(folder);
      folder = dirname(folder);
    }
    if ((await kindOf(folder)) !== 'directory') throw new CliError(`${label}: cannot be created, because ${folder} is a file`);
  }
  for (const sub of subfolders) {
    const folder = resolve(target, sub);
    if (kind === 'missing' || (await kindOf(folder)) === 'missing') missing.push(folder);
    else if ((await kindOf(folder)) !== 'directory') throw new CliError(`${label}: ${folder} is a file, not a folder`);
  }
  try {
    for (const folder of missing) {
      try {
        await mkdir(folder);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(`${label}: cannot create the folder ${folder} (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (error as Error).message)})`);
      }
      created.push(folder);
    }
    for (const folder of [target, ...subfolders.map((sub) => resolve(target, sub))]) {
      try {
        await access(folder, constants.W_OK | constants.X_OK);
      } catch {
        throw new CliError(`${label}: cannot write into ${folder} (permission denied)`);
      }
    }
  } catch (error) {
    for (const folder of created.reverse()) await rmdir(folder).catch(() => undefined);
    throw error;
  }
  return {
    path,
    async removeCreated() {
      for (const folder of [...created].reverse()) await rmdir(folder).catch(() => undefined);
    },
  };
}
