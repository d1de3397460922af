/*
 * The bench's host-floor processor: `headroom-bench-copy` has the chain node's shape (one
 * stereo input, one stereo output per listener) and only copies its input to every output,
 * so a graph of it costs what the host charges for the node and the graph around it, with
 * almost no JS of its own. bench/graph.ts builds the bench chain with it ('floor' kind).
 * Entry module: registers the processor and nothing else.
 */
import { ProcessorBase } from '../worklets/processors/worklet-scope.ts';

declare function registerProcessor(name: string, processorCtor: unknown): void;

class HeadroomBenchCopy extends ProcessorBase {
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const input = inputs[0];
    for (const output of outputs) {
      for (let c = 0; c < output.length; c++) {
        const from = input && input.length > 0 ? input[Math.min(c, input.length - 1)] : undefined;
        if (from) output[c]!.set(from);
      }
    }
    return true;
  }
}

registerProcessor('headroom-bench-copy', HeadroomBenchCopy);
