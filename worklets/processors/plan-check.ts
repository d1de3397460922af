/**
 * Validation of the plan a processor receives (constructor options or a port message),
 * with exact messages that name the field and what it must be:
 *
 *   headroom-chain: processorOptions.plan.sampleRateHz must equal the context's sample rate 48000 (got 44100)
 *   headroom-chain: message.plan.amp.clipPeakVolts must be a finite number > 0 (got -1)
 *
 * Only the parts a processor reads are checked. A failing check throws `PlanError`;
 * the constructor lets it propagate (the node fails to construct), the port handler
 * turns it into `{ type: 'error', message }` and keeps the previous plan.
 */
import type { Plan } from '../../src/model/compile.ts';
import { checkSections, type BiquadSections } from '../dsp/analog-to-digital.ts';

export class PlanError extends Error {
  override name = 'PlanError';
}

export const MAX_LISTENERS = 8;

export interface Network {
  readonly numerator: readonly number[];
  readonly denominator: readonly number[];
}

/** Strings longer than this are cut (with "…" and their length) after "(got …)". */
const MAX_SHOWN_CHARACTERS = 40;

/**
 * Shown after "(got …)": numbers as JS prints them, other kinds by name; never recurses
 * into a value and never grows with it (a long string is cut, a function is not printed).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (value.length <= MAX_SHOWN_CHARACTERS) return JSON.stringify(value);
    return `${JSON.stringify(`${value.slice(0, MAX_SHOWN_CHARACTERS)}…`)} (${value.length} characters)`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return String(value);
}

/** The values `plan.source.limitedBy` may take (src/model/compile.ts). */
const LIMITED_BY = ['rail', 'current'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export class PlanChecker {
  constructor(
    private readonly who: string,
    readonly root: string,
  ) {}

  fail(message: string): never {
    throw new PlanError(`${this.who}: ${message}`);
  }

  /** The plan object, its sample rate and (when asked) the source part. */
  plan(value: unknown, sampleRateHz: number): Plan {
    const root = this.root;
    if (!isRecord(value)) this.fail(`${root} must be a plan object (got ${describeValue(value)})`);
    if (value.sampleRateHz !== sampleRateHz) {
      this.fail(`${root}.sampleRateHz must equal the context's sample rate ${sampleRateHz} (got ${describeValue(value.sampleRateHz)})`);
    }
    return value as unknown as Plan;
  }

  source(plan: Plan): void {
    const path = `${this.root}.source`;
    if (!isRecord(plan.source)) this.fail(`${path} must be an object (got ${describeValue(plan.source)})`);
    this.positive(`${path}.voltsPerFullScale`, plan.source.voltsPerFullScale);
    this.positive(`${path}.clipPeakVolts`, plan.source.clipPeakVolts);
    this.optionalNoiseDensity(`${path}.noiseVoltsPerRootHz`, plan.source.noiseVoltsPerRootHz);
    const limitedBy: unknown = plan.source.limitedBy;
    if (!LIMITED_BY.some((allowed) => allowed === limitedBy)) {
      this.fail(`${path}.limitedBy must be ${LIMITED_BY.map((v) => `"${v}"`).join(' or ')} (got ${describeValue(limitedBy)})`);
    }
  }

  /** `required`: the amp processor; otherwise null is fine. */
  amp(plan: Plan, required: boolean): void {
    const path = `${this.root}.amp`;
    if (plan.amp === null) {
      if (required) this.fail(`${path} is null; create headroom-amp only for a chain with an amp`);
      return;
    }
    if (!isRecord(plan.amp)) this.fail(`${path} must be null or an object (got ${describeValue(plan.amp)})`);
    this.positive(`${path}.gain`, plan.amp.gain);
    this.positive(`${path}.clipPeakVolts`, plan.amp.clipPeakVolts);
    this.network(`${path}.input`, plan.amp.input);
    this.optionalNetwork(`${path}.inputSide`, plan.amp.inputSide);
    this.optionalNoiseDensity(`${path}.noiseVoltsPerRootHz`, plan.amp.noiseVoltsPerRootHz);
  }

  listeners(plan: Plan): void {
    const path = `${this.root}.listeners`;
    const list: unknown = plan.listeners;
    const count = Array.isArray(list) ? list.length : describeValue(list);
    if (!Array.isArray(list) || list.length < 1 || list.length > MAX_LISTENERS) {
      this.fail(`${path} must have 1 to ${MAX_LISTENERS} entries (got ${count})`);
    }
    list.forEach((listener: unknown, i) => {
      const at = `${path}[${i}]`;
      if (!isRecord(listener)) this.fail(`${at} must be an object (got ${describeValue(listener)})`);
      this.network(`${at}.network`, listener.network);
      this.optionalNetwork(`${at}.sideNetwork`, listener.sideNetwork);
      const clip = listener.clipPeakVolts;
      if (clip !== null && !(typeof clip === 'number' && Number.isFinite(clip) && clip > 0)) {
        this.fail(`${at}.clipPeakVolts must be null or a finite number > 0 (got ${describeValue(clip)})`);
      }
      const gain = listener.outputGain;
      if (!(typeof gain === 'number' && Number.isFinite(gain) && gain >= 0)) {
        this.fail(`${at}.outputGain must be a finite number ≥ 0 (got ${describeValue(gain)})`);
      }
    });
  }

  positive(path: string, value: unknown): void {
    if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
      this.fail(`${path} must be a finite number > 0 (got ${describeValue(value)})`);
    }
  }

  /**
   * Absent, or a noise density (V/√Hz) from 0 to 1: setup@3's 1 V of noise over 20 Hz–20 kHz is
   * 0.007 V/√Hz, so 1 leaves a factor of 140 and keeps σ = density·√(fs/2) finite at any rate.
   */
  optionalNoiseDensity(path: string, value: unknown): void {
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1)) {
      this.fail(`${path} must be a number from 0 to 1 V/√Hz (got ${describeValue(value)})`);
    }
  }

  /** Absent, null, or a network (setup@3's side networks). */
  optionalNetwork(path: string, value: unknown): void {
    if (value !== undefined && value !== null) this.network(path, value);
  }

  network(path: string, value: unknown): asserts value is Network {
    if (!isRecord(value)) this.fail(`${path} must be an object { numerator, denominator } (got ${describeValue(value)})`);
    for (const key of ['numerator', 'denominator'] as const) {
      const c = value[key];
      const ok = Array.isArray(c) && c.length > 0 && c.every((x) => typeof x === 'number' && Number.isFinite(x));
      if (!ok) this.fail(`${path}.${key} must be a non-empty array of finite numbers`);
    }
  }

  /**
   * Wraps a design failure (improper, unstable, zero polynomial) in a field-naming message,
   * and checks what the design returns the way BiquadCascade will (finite coefficients,
   * every section stable), so nothing the plan accepted can fail later in the cascade.
   */
  realise<T extends BiquadSections | { readonly sections: BiquadSections }>(path: string, design: () => T): T {
    try {
      const result = design();
      checkSections('sections' in result ? result.sections : result);
      return result;
    } catch (error) {
      return this.fail(`${path} cannot be realised: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
