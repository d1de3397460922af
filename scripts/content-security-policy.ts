/**
 * The page's Content-Security-Policy, injected into index.html as a <meta> by a Vite plugin
 * (vite.config.ts), so the dev server, the production build and any static host get it.
 *
 * Why each source is allowed:
 * - script-src 'self' blob: — our bundles, and the worklet module: standardized-audio-context
 *   fetches the module and hands the browser a blob: URL of it (to wrap registerProcessor).
 *   No 'unsafe-inline', no 'unsafe-eval': nothing on the page is inline or evaluated.
 * - worker-src 'self' blob: — Tone.js keeps time in a Worker made from a blob: URL.
 * - style-src 'self' — Lit and uPlot styles are constructed stylesheets, which CSP does not
 *   gate, and the build links one CSS file: no <style> element is allowed in the build. The
 *   dev server injects imported CSS as <style> elements, so only there 'unsafe-inline' is
 *   needed for style elements (never for scripts).
 * - style-src-attr 'unsafe-inline' — templates position plot labels and meter bars with
 *   style attributes. An attribute can only restyle its own element (any url() in it is still
 *   held to img-src/font-src), so allowing them costs no script or data exfiltration path.
 * - media-src / connect-src blob: data: — decoding the user's own files and exporting WAVs.
 * - connect-src ws: only in dev, for Vite's hot-reload socket.
 * `frame-ancestors` cannot be set from a <meta> (browsers ignore it with a console error); a
 * host that wants it must send the header.
 */
export type CspMode = 'serve' | 'build';

export function contentSecurityPolicy(mode: CspMode): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'style-src': mode === 'serve' ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:', 'data:'],
    'connect-src': mode === 'serve' ? ["'self'", 'blob:', 'data:', 'ws:'] : ["'self'", 'blob:', 'data:'],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
