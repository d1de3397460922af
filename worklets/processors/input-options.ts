/**
 * Validation and I/O shared by the input-side processors (input-*-processor.ts). A bad
 * option or message throws a RangeError whose message names the field and the value
 * (`headroom-input-converter: plan.bitDepth must be 16 or 24 (got 20)`); the processors
 * post it as { type: 'error', message } for messages and throw it for constructor options.
 */
import { describeValue } from './plan-check.ts';

export function finiteNumber(processor: string, field: string, value: unknown, check: (v: number) => boolean, range: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) {
    throw new RangeError(`${processor}: ${field} must be ${range} (got ${describe(value)})`);
  }
  return value;
}

export function numberArray(processor: string, field: string, value: unknown, minLength: number, maxLength: number): number[] {
  if (!Array.isArray(value) || value.length < minLength || value.length > maxLength || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new RangeError(`${processor}: ${field} must be an array of ${minLength}-${maxLength} finite numbers (got ${describe(value)})`);
  }
  return value as number[];
}

export function record(processor: string, field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RangeError(`${processor}: ${field} must be an object (got ${describe(value)})`);
  return value as Record<string, unknown>;
}

/** Short JSON of the value; by kind when it cannot be written (too deep, cyclic), never recursing itself. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return String(value);
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return describeValue(value);
    return json.length > 60 ? `${json.slice(0, 60)}…` : json;
  } catch {
    return describeValue(value);
  }
}

/** Copies input 0 (mono feeds both) into output 0's channels; returns the block length, 0 without an output. */
export function copyInputToOutput(inputs: Float32Array[][], outputs: Float32Array[][]): number {
  const out = outputs[0];
  if (!out || out.length === 0) return 0;
  const length = out[0]!.length;
  const input = inputs[0];
  for (let c = 0; c < out.length; c++) {
    const from = input && input.length > 0 ? input[Math.min(c, input.length - 1)]! : null;
    if (from) out[c]!.set(from.length === length ? from : from.subarray(0, length));
    else out[c]!.fill(0);
  }
  return length;
}

/** Applies `handle` to a { type: 'plan', plan } message; any other message or a bad plan posts an error. */
export function listenForPlans(port: { postMessage(m: unknown): void; onmessage: ((e: { data: unknown }) => void) | null }, processor: string, handle: (plan: unknown) => void): void {
  port.onmessage = (event) => {
    const data = event.data as { type?: unknown; plan?: unknown } | null;
    try {
      if (typeof data !== 'object' || data === null || data.type !== 'plan') throw new RangeError(`${processor}: unknown message ${describe(data)}; expected { type: "plan", plan }`);
      handle(data.plan);
    } catch (error) {
      port.postMessage({ type: 'error', message: (error as Error).message });
    }
  };
}
