/*
 * The chain as three nodes (headroom-source → headroom-amp → headroom-splitter), which the
 * product no longer registers: tests/processors/reference keeps them as the reference
 * headroom-chain is checked against. The bench's plain-JS profile and allocation probe run
 * them beside headroom-chain (bench/node/fake-chain.ts), as before they left the product, so
 * the figures stay comparable. Entry module: registers the three and nothing else.
 */
import { HeadroomAmpProcessor } from '../tests/processors/reference/amp-processor.ts';
import { HeadroomSourceProcessor } from '../tests/processors/reference/source-processor.ts';
import { HeadroomSplitterProcessor } from '../tests/processors/reference/splitter-processor.ts';

declare function registerProcessor(name: string, processorCtor: unknown): void;

registerProcessor('headroom-source', HeadroomSourceProcessor);
registerProcessor('headroom-amp', HeadroomAmpProcessor);
registerProcessor('headroom-splitter', HeadroomSplitterProcessor);
