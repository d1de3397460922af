/**
 * URL of the bundled worklet entry (worklets/headroom.worklet.ts and every kernel it imports),
 * for `context.audioWorklet.addModule(url)` in the browser. Vite bundles it as a classic
 * script (`worker: { format: 'iife' }` in vite.config.ts; see docs/architecture.md, "Toolchain facts").
 */
import url from '../../worklets/headroom.worklet.ts?worker&url';

export default url;
