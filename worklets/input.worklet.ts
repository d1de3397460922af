import { HeadroomInputConverterProcessor } from './processors/input-converter-processor.ts';
import { HeadroomInputMonitorProcessor } from './processors/input-monitor-processor.ts';
import { HeadroomInputPickupProcessor } from './processors/input-pickup-processor.ts';

/*
 * AudioWorklet entry module for the input side (issue 7): registers the three input
 * processors and nothing else. Load it with `audioWorklet.addModule(url)` beside
 * headroom.worklet.ts. The imports come first (see headroom.worklet.ts for why).
 */
declare function registerProcessor(name: string, processorCtor: unknown): void;

registerProcessor('headroom-input-pickup', HeadroomInputPickupProcessor);
registerProcessor('headroom-input-converter', HeadroomInputConverterProcessor);
registerProcessor('headroom-input-monitor', HeadroomInputMonitorProcessor);
