/**
 * The worklet entry module (worklets/headroom.worklet.ts and every kernel it imports) as one
 * classic script: what the direct host's render thread evaluates (src/cli/render-thread.ts),
 * and what node-web-audio-api's `audioWorklet.addModule` loads (`--host web-audio`), handed
 * over as a blob: URL so nothing is written to disk. The package ships the script beside the
 * CLI (scripts/build-package.mjs); from the source tree it is built in memory (bundled-script.ts).
 */
import { bundledScript } from './bundled-script.ts';

/** The entry module the browser loads too (through Vite): the same processors in both. */
const WORKLET_ENTRY = new URL('../../worklets/headroom.worklet.ts', import.meta.url);
/** Where the package build puts the bundled script, next to the bundled CLI. */
const SHIPPED = new URL('./headroom.worklet.js', import.meta.url);

/** The worklet script's text. */
export function workletScript(): Promise<string> {
  return bundledScript(WORKLET_ENTRY, SHIPPED, 'browser');
}

/** A blob: URL of the worklet script. */
export async function workletModuleUrl(): Promise<string> {
  return URL.createObjectURL(new Blob([await workletScript()], { type: 'text/javascript' }));
}
