/**
 * Entry of the `headroom` command (bin/headroom.js loads it). Prints what `run` returns;
 * every failure is one line on stderr and exit status 2, never a stack trace: a user error
 * as it is, anything else as "internal error" (HEADROOM_DEBUG=1 adds the stack). Whatever
 * files, names or paths put in the text, it reaches the terminal with its control characters
 * escaped (docs/decisions.md, "Nothing a file holds writes to the terminal").
 */
import { escapeTerminalControls } from '../model/contract-fields.ts';
import { CliError, EXIT_USAGE } from './cli-error.ts';
import { run } from './run.ts';

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    // A closed pipe (`headroom report | head -1`) is not an error of ours.
    stream.once('error', () => resolve());
    stream.write(text, () => resolve());
  });
}

let code = 0;
try {
  await write(process.stdout, `${escapeTerminalControls(await run(process.argv.slice(2)), true)}\n`);
} catch (error) {
  // parseArgs throws TypeErrors with a `code` for unknown or malformed flags: user errors too.
  const isUsage = error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  const message = error instanceof Error ? error.message : String(error);
  await write(process.stderr, `headroom: ${isUsage ? '' : 'internal error: '}${escapeTerminalControls(message)}\n`);
  if (!isUsage && process.env.HEADROOM_DEBUG) await write(process.stderr, `${(error as Error).stack ?? ''}\n`);
  code = EXIT_USAGE;
}
// Leave even if a native render thread (--host web-audio) still holds the process.
process.exit(code);
