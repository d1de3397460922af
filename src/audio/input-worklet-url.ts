/**
 * URL of the bundled input-side worklet entry (worklets/input.worklet.ts: the pickup,
 * converter and monitor processors and the output limiter, with every kernel they import),
 * for `context.audioWorklet.addModule(url)` in the browser. Bundled as a classic script like
 * worklet-url.ts (`worker: { format: 'iife' }` in vite.config.ts).
 */
import url from '../../worklets/input.worklet.ts?worker&url';

export default url;
