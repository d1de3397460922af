/**
 * AudioWorklet entry module: registers the three processors and nothing else.
 * Load it with `audioWorklet.addModule(url)` (Vite: `?worker&url` / `?url` import).
 */
import { HeadroomAmpProcessor } from './processors/amp-processor.ts';
import { HeadroomSourceProcessor } from './processors/source-processor.ts';
import { HeadroomSplitterProcessor } from './processors/splitter-processor.ts';

declare function registerProcessor(name: string, processorCtor: unknown): void;

registerProcessor('headroom-source', HeadroomSourceProcessor);
registerProcessor('headroom-amp', HeadroomAmpProcessor);
registerProcessor('headroom-splitter', HeadroomSplitterProcessor);
