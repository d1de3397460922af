/**
 * Which field a message is about. parseSetup's and solveSpecSheet's messages begin with the
 * field path (`headphones[1].impedance.nominalOhms must be > 0 (got -32)`); the form files
 * each message under that path and shows the rest next to the input.
 */

const PATH = /^([A-Za-z_$][\w$]*(?:\[\d+\]|\.[A-Za-z_$][\w$]*)*)(?=[\s:]|$)/;

/** The leading field path of a message, or null (e.g. for the root `setup …`). */
export function messagePath(message: string): string | null {
  const match = PATH.exec(message);
  if (!match || match[1] === 'setup') return null;
  return match[1]!;
}

/** The message without its path, starting with a capital: "Must be > 0 (got -3)". */
export function messageWithoutPath(message: string, path: string): string {
  let rest = message.startsWith(path) ? message.slice(path.length) : message;
  rest = rest.replace(/^:?\s*/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** A field path as a DOM id fragment: `headphones[0].name` → `headphones-0-name`. */
export function domId(path: string): string {
  return path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '');
}

/**
 * Messages for fields that are not on the form (e.g. `headphones[0].impedance` on a
 * catalog headphone), or for paths beside the visible ones.
 */
export function unplaced(fieldErrors: ReadonlyMap<string, readonly string[]>, visible: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [path, messages] of fieldErrors) if (!visible.has(path)) out.push(...messages);
  return out;
}
