/**
 * One side (A or B) of <headroom-input-panel> as typed: every number is kept as the user's
 * text, so an invalid value stays on screen with its message. `evaluateInputDraft` builds the
 * `input` section from it and validates it with the model's own `parseSetup` (the contract's
 * messages, e.g. `input.instrument.pickup.inductanceH must be > 0 (got -1)`); a choice comes
 * out only when every visible field is valid, so nothing invalid ever reaches the audio.
 */
import { micChannels, microphones, pickups, cables, TYPICAL_LATENCY } from '../../model/catalog/input.ts';
import type { InputChoice, InputPath, InputSetup, InputType } from '../../model/input/contract.ts';
import { parseSetup, SETUP_FORMAT_V2 } from '../../model/setup.ts';
import { numberFromText } from './evaluate.ts';
import { messagePath } from './field-errors.ts';

export const CUSTOM = 'custom';
export type Monitoring = 'computer' | 'direct-digital' | 'direct-analog';

export interface InputDraft {
  path: InputPath;
  /** A catalog pickup id, or CUSTOM for the typed L/R/C. */
  pickupId: string;
  inductanceH: string;
  resistanceOhms: string;
  capacitancePf: string;
  /** The guitar's volume and tone pots at full, ohms; blank for none. */
  controlsLoadOhms: string;
  cablePfPerM: string;
  cableLengthM: string;
  inputType: InputType;
  customInputOhms: string;
  /** A catalog microphone id. */
  micId: string;
  phantomPower: boolean;
  gainDb: string;
  einDbu: string;
  maxInputDbu: string;
  bitDepth: 16 | 24;
  dither: boolean;
  sampleRateHz: string;
  bufferSamples: string;
  inputBuffers: string;
  outputBuffers: string;
  converterLatencyMs: string;
  monitoring: Monitoring;
}

const strat = pickups[0]!.part;
const channel = micChannels[0]!.part;

/** The classic demonstration: a Strat on 3 m of cable into a hi-Z input (A) or a line input (B), one 128-sample buffer each way. */
export function defaultDraft(inputType: InputType): InputDraft {
  return {
    path: 'instrument',
    pickupId: pickups[0]!.id,
    inductanceH: String(strat.inductanceH),
    resistanceOhms: String(strat.resistanceOhms),
    capacitancePf: String(strat.capacitancePf),
    controlsLoadOhms: '125000',
    cablePfPerM: String(cables[0]!.part.capacitancePfPerM),
    cableLengthM: '3',
    inputType,
    customInputOhms: '47000',
    micId: microphones.find((m) => m.kind === 'condenser')!.id,
    phantomPower: true,
    // Low: built-in material peaks near 117 dB SPL (−3 dBFS at 120 dB SPL), and the U 87 at 10 dB clips at 125.6 dB SPL.
    gainDb: '10',
    einDbu: String(channel.einDbu),
    maxInputDbu: String(channel.maxInputDbu),
    bitDepth: 24,
    dither: false,
    sampleRateHz: '48000',
    bufferSamples: String(TYPICAL_LATENCY.bufferSamples),
    inputBuffers: String(TYPICAL_LATENCY.inputBuffers),
    outputBuffers: String(TYPICAL_LATENCY.outputBuffers),
    converterLatencyMs: String(TYPICAL_LATENCY.converterLatency.value),
    monitoring: 'computer',
  };
}

/** Choosing a catalog pickup fills L, R and C with its figures (still editable as "custom"). */
export function withPickup(draft: InputDraft, id: string): InputDraft {
  const entry = pickups.find((p) => p.id === id);
  if (!entry) return { ...draft, pickupId: CUSTOM };
  return { ...draft, pickupId: id, inductanceH: String(entry.part.inductanceH), resistanceOhms: String(entry.part.resistanceOhms), capacitancePf: String(entry.part.capacitancePf) };
}

export interface InputEvaluation {
  /** The valid choice, or null while any visible field is invalid. */
  choice: InputChoice | null;
  /** Messages by contract path (`input.instrument.pickup.inductanceH`). */
  fieldErrors: Map<string, string[]>;
  /** Messages that name no field on the form. */
  otherErrors: string[];
}

/** The output chain around the input section: parseSetup validates a whole setup; this part is never used. */
const CARRIER = {
  format: SETUP_FORMAT_V2,
  signal: { levelDbfs: -10 },
  source: { name: 'Carrier', outputImpedanceOhms: 0, maxOutputVrms: 1, volumeDb: 0 },
  amp: null,
  splitter: null,
  headphones: [{ name: 'Carrier', sensitivity: { value: 100, unit: 'dB/V' }, impedance: { nominalOhms: 32 } }],
} as const;

const required = (raw: string): number | string | undefined => numberFromText(raw);

function inputCandidate(draft: InputDraft): Record<string, unknown> {
  const candidate: Record<string, unknown> = { sampleRateHz: required(draft.sampleRateHz) };
  if (draft.path === 'instrument') {
    const catalog = pickups.find((p) => p.id === draft.pickupId);
    candidate['instrument'] = {
      pickup: {
        name: catalog ? catalog.part.name : 'Custom pickup',
        inductanceH: required(draft.inductanceH),
        resistanceOhms: required(draft.resistanceOhms),
        capacitancePf: required(draft.capacitancePf),
      },
      controlsLoadOhms: numberFromText(draft.controlsLoadOhms) ?? null,
      cable: { capacitancePfPerM: required(draft.cablePfPerM), lengthM: required(draft.cableLengthM) },
      inputType: draft.inputType,
      ...(draft.inputType === CUSTOM ? { inputImpedanceOhms: required(draft.customInputOhms) } : {}),
    };
  } else {
    const mic = microphones.find((m) => m.id === draft.micId) ?? microphones[0]!;
    candidate['microphone'] = {
      ...mic.part,
      phantomPower: draft.phantomPower,
      preamp: { gainDb: required(draft.gainDb), einDbu: required(draft.einDbu), einMeasurement: channel.einMeasurement, inputImpedanceOhms: channel.inputImpedanceOhms },
      converter: { maxInputDbu: required(draft.maxInputDbu), bitDepth: draft.bitDepth, dither: draft.dither },
    };
  }
  candidate['latency'] = {
    bufferSamples: required(draft.bufferSamples),
    inputBuffers: required(draft.inputBuffers),
    outputBuffers: required(draft.outputBuffers),
    converterLatency: { value: required(draft.converterLatencyMs), unit: 'ms' },
    monitoring: draft.monitoring,
  };
  return candidate;
}

export function evaluateInputDraft(draft: InputDraft): InputEvaluation {
  const result = parseSetup({ ...CARRIER, input: inputCandidate(draft) });
  const fieldErrors = new Map<string, string[]>();
  const otherErrors: string[] = [];
  if (result.ok) return { choice: { input: result.value.input as InputSetup, path: draft.path }, fieldErrors, otherErrors };
  for (const message of result.errors) {
    const path = messagePath(message);
    if (path) fieldErrors.set(path, [...(fieldErrors.get(path) ?? []), message]);
    else otherErrors.push(message);
  }
  return { choice: null, fieldErrors, otherErrors };
}
