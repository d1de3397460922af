/**
 * Worklet modules and offline renders for Vitest browser-mode tests, shared by the output
 * engine's and the input engine's harnesses.
 *
 * Vitest's browser mode prepends a line (`globalThis.__vitest_browser_runner__ = …`) to every
 * module it serves, and standardized-audio-context's addModule hoists only a *leading* run of
 * imports (see worklets/headroom.worklet.ts), so a served entry fails with "Unexpected
 * string". Here the entry is fetched, that line dropped and its root-relative imports made
 * absolute, and the result loaded from a blob URL: the same modules, the same processors, in
 * the order the app's dev server and build give them (tests/browser/worklet-loading.e2e.test.ts
 * covers those).
 */
import type { IOfflineAudioContext } from 'standardized-audio-context';

const loaded = new Map<string, Promise<string>>();

export function testableWorkletUrl(servedUrl: string): Promise<string> {
  let url = loaded.get(servedUrl);
  if (!url) {
    url = (async () => {
      const text = await (await fetch(servedUrl)).text();
      const firstImport = text.search(/^import[\s{*'"]/m);
      const body = text.slice(Math.max(0, firstImport)).replace(/((?:^import|\bfrom)\s*["'])\//gm, `$1${location.origin}/`);
      return URL.createObjectURL(new Blob([body], { type: 'text/javascript' }));
    })();
    loaded.set(servedUrl, url);
  }
  return url;
}

/** Renders the whole context; [left, right]. */
export async function renderStereo(context: IOfflineAudioContext): Promise<Float32Array[]> {
  const buffer = await context.startRendering();
  // Port messages posted in the last quanta are still on their way.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return [buffer.getChannelData(0).slice(), buffer.getChannelData(1).slice()];
}
