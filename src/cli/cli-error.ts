/** An error the user caused (bad file, bad setup, bad flag): one line on stderr, exit status 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export const EXIT_USAGE = 2;
