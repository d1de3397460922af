import { HeadroomChainProcessor } from './processors/chain-processor.ts';
import { HeadroomLimiterProcessor } from './processors/limiter-processor.ts';
import { HeadroomLoudnessProcessor } from './processors/loudness-processor.ts';

/*
 * AudioWorklet entry module: registers the three processors the app and the CLI build (the
 * whole chain in one node, the output limiter and the loudness meter) and nothing else.
 * Load it with `audioWorklet.addModule(url)` (Vite: `?worker&url`).
 * The imports must come first in this file: in the dev server, standardized-audio-context's
 * addModule hoists only a leading run of import statements (tests/browser/worklet-loading).
 */
declare function registerProcessor(name: string, processorCtor: unknown): void;

registerProcessor('headroom-chain', HeadroomChainProcessor);
registerProcessor('headroom-limiter', HeadroomLimiterProcessor);
registerProcessor('headroom-loudness', HeadroomLoudnessProcessor);
