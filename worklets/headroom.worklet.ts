import { HeadroomAmpProcessor } from './processors/amp-processor.ts';
import { HeadroomChainProcessor } from './processors/chain-processor.ts';
import { HeadroomLimiterProcessor } from './processors/limiter-processor.ts';
import { HeadroomLoudnessProcessor } from './processors/loudness-processor.ts';
import { HeadroomSourceProcessor } from './processors/source-processor.ts';
import { HeadroomSplitterProcessor } from './processors/splitter-processor.ts';

/*
 * AudioWorklet entry module: registers the six processors (the whole chain in one node,
 * its three stages as separate nodes, the output limiter and the loudness meter) and
 * nothing else.
 * Load it with `audioWorklet.addModule(url)` (Vite: `?worker&url`).
 * The imports must come first in this file: in the dev server, standardized-audio-context's
 * addModule hoists only a leading run of import statements (tests/browser/worklet-loading).
 */
declare function registerProcessor(name: string, processorCtor: unknown): void;

registerProcessor('headroom-chain', HeadroomChainProcessor);
registerProcessor('headroom-source', HeadroomSourceProcessor);
registerProcessor('headroom-amp', HeadroomAmpProcessor);
registerProcessor('headroom-splitter', HeadroomSplitterProcessor);
registerProcessor('headroom-limiter', HeadroomLimiterProcessor);
registerProcessor('headroom-loudness', HeadroomLoudnessProcessor);
