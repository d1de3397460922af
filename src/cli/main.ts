/**
 * Entry of the `headroom` command (bin/headroom.js loads it). Prints what `run`
 * returns; a user error prints one line on stderr and exits with status 2, no stack trace.
 */
import { CliError, EXIT_USAGE } from './cli-error.ts';
import { run } from './run.ts';

try {
  process.stdout.write(`${await run(process.argv.slice(2))}\n`);
} catch (error) {
  // parseArgs throws TypeErrors with a `code` for unknown or malformed flags: user errors too.
  const isUsage = error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  if (!isUsage) throw error;
  process.stderr.write(`headroom: ${(error as Error).message}\n`);
  process.exitCode = EXIT_USAGE;
}
