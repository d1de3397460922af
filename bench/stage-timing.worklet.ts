/*
 * `headroom-bench-stage-timing`: times the bench chain's stages in a tight loop inside the
 * worklet thread (bench/stage-timing.ts) when constructed, posts { microsecondsPerBlock }
 * and renders nothing. Entry module: registers the processor and nothing else.
 */
import { contextSampleRate, ProcessorBase } from '../worklets/processors/worklet-scope.ts';
import { timeChainStages } from './stage-timing.ts';

declare function registerProcessor(name: string, processorCtor: unknown): void;

class HeadroomBenchStageTiming extends ProcessorBase {
  constructor() {
    super();
    this.port.postMessage({ microsecondsPerBlock: timeChainStages(contextSampleRate()) });
  }

  process(): boolean {
    return false;
  }
}

registerProcessor('headroom-bench-stage-timing', HeadroomBenchStageTiming);
