/**
 * The `input` section of `headroom/setup@2`: what an audio interface's input side adds.
 * An instrument input (a guitar pickup and its cable into an input impedance), a
 * microphone input (mic, phantom power, preamp gain and noise, converter) and the
 * latency of monitoring through the computer. Every part is optional; at least one is given.
 *
 * Messages follow ../setup.ts (formatPath, formatIssue): `input.instrument.pickup.inductanceH
 * must be > 0 (got -1)`. Nothing is clamped; a field that would be ignored is an error.
 */
import { z } from 'zod';
import { displayName, quantity } from '../contract-fields.ts';

const optionalNullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const name = displayName;

/** Ranges of every quantity: docs/model.md, "Allowed ranges". */
const ohms = (max: number) => quantity({ min: 0.001, max, unit: 'ohms' });
const picofarads = (max: number, unit = 'pF') => quantity({ min: 0.001, max, unit, zero: 'none' });
const count = (max: number, unit: string) => quantity({ min: 1, max, unit, integer: true });

/** The typical input impedances of an interface's input types; "custom" states its own. */
export const INPUT_TYPE_OHMS = { 'hi-z': 1_000_000, line: 10_000, mic: 2_000 } as const;
export type NamedInputType = keyof typeof INPUT_TYPE_OHMS;
export type InputType = NamedInputType | 'custom';

export const pickupSchema = z.strictObject({
  name,
  /** Coil inductance in henry (a Stratocaster single coil ≈ 2.2–2.5 H). */
  inductanceH: quantity({ min: 0.0001, max: 100, unit: 'H' }),
  /** DC resistance of the winding in ohms. */
  resistanceOhms: ohms(1_000_000),
  /** Winding (self-)capacitance in pF, across the pickup's terminals. */
  capacitancePf: picofarads(100_000),
});

export const cableSchema = z.strictObject({
  capacitancePfPerM: picofarads(10_000, 'pF/m'),
  lengthM: quantity({ min: 0.001, max: 1000, unit: 'm', zero: 'no cable' }),
});

export const instrumentSchema = z
  .strictObject({
    pickup: pickupSchema,
    /** The guitar's volume and tone pots at full, in parallel across the pickup (null: none). */
    controlsLoadOhms: optionalNullable(ohms(1e10)),
    cable: cableSchema,
    inputType: z.enum(['hi-z', 'line', 'mic', 'custom']),
    /** Only with inputType "custom"; the named types have fixed typical values. */
    inputImpedanceOhms: optionalNullable(ohms(1e10)),
    /** The input's own capacitance to ground in pF (null: none). */
    inputCapacitancePf: optionalNullable(picofarads(100_000)),
  })
  .superRefine((instrument, ctx) => {
    if (instrument.inputType === 'custom' && instrument.inputImpedanceOhms == null) {
      ctx.addIssue({ code: 'custom', path: ['inputImpedanceOhms'], input: undefined, message: 'is required when inputType is "custom"' });
    }
    if (instrument.inputType !== 'custom' && instrument.inputImpedanceOhms != null) {
      const typical = INPUT_TYPE_OHMS[instrument.inputType];
      ctx.addIssue({
        code: 'custom',
        path: ['inputImpedanceOhms'],
        message: `is only for inputType "custom"; "${instrument.inputType}" is ${typical} ohms (got ${instrument.inputImpedanceOhms})`,
      });
    }
  });

export const preampSchema = z.strictObject({
  gainDb: quantity({ min: 0, max: 80, unit: 'dB' }),
  /** Equivalent input noise in dBu (typically −125 to −130 dBu, 150 Ω source). */
  einDbu: quantity({ min: -140, max: -80, unit: 'dBu' }),
  /** How the EIN was measured: A-weighted, or unweighted over 20 Hz–20 kHz. */
  einMeasurement: z.enum(['A-weighted', '20Hz-20kHz']),
  inputImpedanceOhms: ohms(1e8),
});

export const converterSchema = z.strictObject({
  /** RMS level in dBu of a sine that just reaches digital full scale (0 dBFS). */
  maxInputDbu: quantity({ min: -20, max: 40, unit: 'dBu' }),
  bitDepth: z.literal([16, 24]),
  /** TPDF dither of ±1 LSB added before quantization. */
  dither: z.boolean(),
});

export const microphoneSchema = z.strictObject({
  name,
  type: z.enum(['dynamic', 'condenser']),
  /** Open-circuit output at 1 Pa (94 dB SPL), 1 kHz. */
  sensitivityMvPerPa: quantity({ min: 0.001, max: 1000, unit: 'mV/Pa' }),
  impedanceOhms: ohms(100_000),
  /** P48: 48 V through 6.81 kΩ on each signal leg. A condenser without it gives no signal. */
  phantomPower: z.boolean(),
  /** A condenser's phantom current draw in mA (P48 allows up to 10 mA); null: not stated. */
  phantomCurrentMa: optionalNullable(quantity({ min: 0.001, max: 10, unit: 'mA', zero: 'no current' })),
  preamp: preampSchema,
  converter: converterSchema,
});

export const converterLatencySchema = z.strictObject({
  /** ADC plus DAC (filters and FIFOs), the interface's whole converter delay. */
  value: quantity({ min: 0.001, max: 100_000, unit: 'samples or ms', zero: 'no converter delay' }),
  unit: z.enum(['samples', 'ms']),
});

export const latencySchema = z.strictObject({
  bufferSamples: count(65_536, 'samples'),
  /** Buffers of bufferSamples each on the way in and on the way out (driver and host). */
  inputBuffers: count(16, 'buffers'),
  outputBuffers: count(16, 'buffers'),
  converterLatency: converterLatencySchema,
  /**
   * What the performer hears: "computer" (through the buffers, round trip),
   * "direct-digital" (the interface's own mixer: converters only), "direct-analog" (none).
   */
  monitoring: z.enum(['computer', 'direct-digital', 'direct-analog']),
});

export const inputSchema = z
  .strictObject({
    /** The interface's sample rate: the converter's noise band and the buffers' duration. */
    sampleRateHz: quantity({ min: 8000, max: 768_000, unit: 'Hz' }),
    instrument: optionalNullable(instrumentSchema),
    microphone: optionalNullable(microphoneSchema),
    latency: optionalNullable(latencySchema),
  })
  .superRefine((input, ctx) => {
    if (input.instrument == null && input.microphone == null && input.latency == null) {
      ctx.addIssue({ code: 'custom', message: 'needs one of instrument, microphone or latency' });
    }
  });

export type InputSetup = z.infer<typeof inputSchema>;
/** Which part of the input section is heard: the instrument's path or the microphone's. */
export type InputPath = 'instrument' | 'microphone';
/** What one side plays: a valid `input` section and which of its paths is heard. */
export interface InputChoice {
  input: InputSetup;
  path: InputPath;
}
export type Pickup = z.infer<typeof pickupSchema>;
export type Cable = z.infer<typeof cableSchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type Converter = z.infer<typeof converterSchema>;
export type Microphone = z.infer<typeof microphoneSchema>;
export type Latency = z.infer<typeof latencySchema>;
