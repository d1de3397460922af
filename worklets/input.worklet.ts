import { HeadroomInputConverterProcessor } from './processors/input-converter-processor.ts';
import { HeadroomInputMonitorProcessor } from './processors/input-monitor-processor.ts';
import { HeadroomInputPickupProcessor } from './processors/input-pickup-processor.ts';
import { HeadroomLimiterProcessor } from './processors/limiter-processor.ts';

/*
 * AudioWorklet entry module for the input side (issue 7): registers the three input
 * processors and the output limiter (the same `headroom-limiter` as headroom.worklet.ts, so
 * the input engine keeps its own −1 dBFS safety) and nothing else. Load it with
 * `audioWorklet.addModule(url)` into its own context: a context that also loaded
 * headroom.worklet.ts would register `headroom-limiter` twice, which throws. The imports
 * come first (see headroom.worklet.ts for why).
 */
declare function registerProcessor(name: string, processorCtor: unknown): void;

registerProcessor('headroom-input-pickup', HeadroomInputPickupProcessor);
registerProcessor('headroom-input-converter', HeadroomInputConverterProcessor);
registerProcessor('headroom-input-monitor', HeadroomInputMonitorProcessor);
registerProcessor('headroom-limiter', HeadroomLimiterProcessor);
