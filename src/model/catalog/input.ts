/**
 * The input side's catalog: guitar pickups, an instrument cable, microphones and an
 * interface's microphone channel, each figure cited (field = its path in the part).
 * A cable's length, a preamp's gain setting, phantom power, bit depth and dither are the
 * user's settings, not figures of the gear; `inputSetup` puts parts and settings together.
 */
import type { Cable, Converter, InputSetup, Latency, Microphone, Pickup } from '../input/contract.ts';
import type { Citation } from './citations.ts';

interface InputCatalogEntry<Kind extends string, Part> {
  readonly id: string;
  readonly kind: Kind;
  readonly notes?: string;
  readonly part: Part;
  readonly citations: readonly Citation[];
}

/** An interface's microphone channel: preamp and converter figures. */
export interface MicChannel {
  name: string;
  maxGainDb: number;
  einDbu: number;
  einMeasurement: 'A-weighted' | '20Hz-20kHz';
  inputImpedanceOhms: number;
  /** dBu at 0 dBFS at the lowest gain (gainDb 0 in the setup). */
  maxInputDbu: number;
}

export type CatalogPickup = InputCatalogEntry<'single-coil' | 'humbucker', Pickup>;
export type CatalogCable = InputCatalogEntry<'instrument-cable', Pick<Cable, 'capacitancePfPerM'>>;
export type CatalogMicrophone = InputCatalogEntry<'dynamic' | 'condenser', Omit<Microphone, 'preamp' | 'converter' | 'phantomPower'>>;
export type CatalogMicChannel = InputCatalogEntry<'interface', MicChannel>;

const PG_DCR = 'Premier Guitar, "Mod Garage: Demystifying DCR" (D. Wacker): a complete Strat-style single-coil description: DCR 6.5 kΩ, 2.9 H at 120 Hz, resonant peak 7.85 kHz';
const LAWRENCE = 'Wilde Pickups (Bill Lawrence), "Instrument Cable and Sound": a Strat pickup averages 2.4 H; 8-10 ft cables of the early 1960s about 300 pF';
const STANLEY = 'Richard Stanley on pickup parameters, dinosaurrockguitar.com: typical inductance 2.80 H (Fender single coil), 4.70 H (Gibson-style humbucker); #42 wire 1.70 Ω/ft, about 5,000 ft, 8.5 kΩ common';
const SOS_CABLES = 'Sound On Sound, "Guitar Cables" (P. White, November 2009): typical guitar cable about 30 pF per foot (100 pF per metre)';
const SHURE_SM58 = 'Shure SM58 specifications (as quoted by Wikipedia, "Shure SM58"): −54.5 dBV/Pa (1.85 mV) open circuit at 1 kHz; rated 150 Ω (300 Ω actual)';
const NEUMANN_U87 = 'Neumann U 87 Ai operating instructions, §6 (current consumption at 48 V: 0.8 ± 0.05 mA) and §7 technical specifications';
const NEUMANN_U87_URL = 'https://www.manualshelf.com/manual/neumann/u87-ai-rycote-invision-usm-omaggio/user-manual-english-german/page-5.html';
const FOCUSRITE_FORTE = 'Focusrite Forte specifications (us.focusrite.com): mic gain 0-75 dB; max input +12 dBu at minimum gain for 0 dBFS (Rs 150 Ω); EIN 128 dB at 60 dB gain, 150 Ω, 20 Hz/22 kHz bandpass; 24-bit, 192 kHz';

export const pickups: readonly CatalogPickup[] = [
  {
    id: 'strat-single-coil',
    kind: 'single-coil',
    notes: 'A Stratocaster-type single coil: the bright, glassy reference. Unloaded it resonates near 10 kHz; a 3 m cable brings that down to about 5 kHz.',
    part: { name: 'Stratocaster single coil', inductanceH: 2.4, resistanceOhms: 6500, capacitancePf: 100 },
    citations: [
      { field: 'inductanceH', source: LAWRENCE, url: 'https://wildepickups.com/pages/instrument-cable-and-sound', kind: 'measurement' },
      { field: 'resistanceOhms', source: PG_DCR, url: 'https://www.premierguitar.com/pro-advice/mod-garage-demystifying-dcr', kind: 'manufacturer' },
      {
        field: 'capacitancePf',
        source: PG_DCR,
        url: 'https://www.premierguitar.com/pro-advice/mod-garage-demystifying-dcr',
        kind: 'estimate',
        reasoning: 'Not stated. The described pickup peaks at 7.85 kHz with 2.9 H: 1/((2π·7850)²·2.9) = 142 pF in all, winding plus the measuring set-up; 100 pF is taken for the winding alone.',
      },
    ],
  },
  {
    id: 'humbucker',
    kind: 'humbucker',
    notes: 'A Gibson-style humbucker: two coils in series, twice the turns of copper, darker and louder.',
    part: { name: 'Gibson-style humbucker', inductanceH: 4.7, resistanceOhms: 8500, capacitancePf: 120 },
    citations: [
      { field: 'inductanceH', source: STANLEY, url: 'http://dinosaurrockguitar.com/node/1052', kind: 'measurement' },
      {
        field: 'resistanceOhms',
        source: STANLEY,
        url: 'http://dinosaurrockguitar.com/node/1052',
        kind: 'estimate',
        reasoning: '5,000 ft of #42 wire at 1.70 Ω/ft = 8.5 kΩ, the value Stanley calls common.',
      },
      {
        field: 'capacitancePf',
        source: STANLEY,
        url: 'http://dinosaurrockguitar.com/node/1052',
        kind: 'estimate',
        reasoning: 'Not found in the sources read. Taken as 120 pF, a little above the single coil’s 100 pF for the longer two-coil winding; on a 3 m, 100 pF/m cable a ±20 pF error moves the resonance by under 2 %.',
      },
    ],
  },
];

export const cables: readonly CatalogCable[] = [
  {
    id: 'instrument-cable',
    kind: 'instrument-cable',
    notes: 'Length is the user’s: 3 m ≈ 300 pF, 6 m ≈ 600 pF. A 1960s coiled cord reached about 2.4 nF (Lawrence).',
    part: { capacitancePfPerM: 100 },
    citations: [{ field: 'capacitancePfPerM', source: SOS_CABLES, url: 'http://soundonsound.com/sos/nov09/articles/guitarcables.htm', kind: 'manufacturer', reasoning: 'A typical figure quoted by the magazine, not one cable’s datasheet.' }],
  },
];

export const microphones: readonly CatalogMicrophone[] = [
  {
    id: 'shure-sm58',
    kind: 'dynamic',
    notes: 'Dynamic: needs no power, and P48 does it no harm on a balanced input.',
    part: { name: 'Shure SM58', type: 'dynamic', sensitivityMvPerPa: 1.85, impedanceOhms: 300 },
    citations: [
      { field: 'sensitivityMvPerPa', source: SHURE_SM58, url: 'https://en.wikipedia.org/wiki/Shure_SM58', kind: 'manufacturer' },
      { field: 'impedanceOhms', source: SHURE_SM58, url: 'https://en.wikipedia.org/wiki/Shure_SM58', kind: 'manufacturer' },
    ],
  },
  {
    id: 'neumann-u87-ai',
    kind: 'condenser',
    notes: 'Condenser (cardioid): without phantom power it gives no signal. 0.8 mA through the two 6.81 kΩ legs in parallel drops 2.7 V: 45.3 V at the mic.',
    part: { name: 'Neumann U 87 Ai', type: 'condenser', sensitivityMvPerPa: 28, impedanceOhms: 200, phantomCurrentMa: 0.8 },
    citations: [
      { field: 'sensitivityMvPerPa', source: NEUMANN_U87, url: NEUMANN_U87_URL, kind: 'manufacturer', reasoning: 'Cardioid (20 mV/Pa omni, 22 mV/Pa figure-8), Neumann’s widely quoted figure; §7 was not re-read for this entry.' },
      { field: 'impedanceOhms', source: NEUMANN_U87, url: NEUMANN_U87_URL, kind: 'manufacturer', reasoning: 'Rated impedance, as widely quoted; §7 was not re-read for this entry.' },
      { field: 'phantomCurrentMa', source: NEUMANN_U87, url: NEUMANN_U87_URL, kind: 'manufacturer' },
    ],
  },
];

export const micChannels: readonly CatalogMicChannel[] = [
  {
    id: 'focusrite-forte',
    kind: 'interface',
    notes: 'EIN is stated over a 20 Hz-22 kHz bandpass; the model books it as 20 Hz-20 kHz (0.4 dB less white-noise bandwidth).',
    part: { name: 'Focusrite Forte mic input', maxGainDb: 75, einDbu: -128, einMeasurement: '20Hz-20kHz', inputImpedanceOhms: 2000, maxInputDbu: 12 },
    citations: [
      { field: 'maxGainDb', source: FOCUSRITE_FORTE, url: 'http://us.focusrite.com/usb-audio-interfaces/forte/specifications', kind: 'manufacturer' },
      { field: 'einDbu', source: FOCUSRITE_FORTE, url: 'http://us.focusrite.com/usb-audio-interfaces/forte/specifications', kind: 'manufacturer' },
      { field: 'maxInputDbu', source: FOCUSRITE_FORTE, url: 'http://us.focusrite.com/usb-audio-interfaces/forte/specifications', kind: 'manufacturer' },
      {
        field: 'inputImpedanceOhms',
        source: FOCUSRITE_FORTE,
        url: 'http://us.focusrite.com/usb-audio-interfaces/forte/specifications',
        kind: 'estimate',
        reasoning: 'Not in the specification found. 2 kΩ, the usual "about ten times the mic" bridging input for 150-200 Ω mics; a 300 Ω SM58 loses 20·log10(2000/2300) = 1.2 dB into it.',
      },
    ],
  },
];

export interface MicSettings {
  gainDb: number;
  phantomPower: boolean;
  bitDepth: Converter['bitDepth'];
  dither: boolean;
}

/** A microphone setup from catalog parts and the user's settings. */
export function microphoneInput(mic: CatalogMicrophone, channel: CatalogMicChannel, settings: MicSettings): Microphone {
  const c = channel.part;
  return {
    ...mic.part,
    phantomPower: settings.phantomPower,
    preamp: { gainDb: settings.gainDb, einDbu: c.einDbu, einMeasurement: c.einMeasurement, inputImpedanceOhms: c.inputImpedanceOhms },
    converter: { maxInputDbu: c.maxInputDbu, bitDepth: settings.bitDepth, dither: settings.dither },
  };
}

const byId = <T extends { id: string }>(list: readonly T[], id: string): T => {
  const found = list.find((entry) => entry.id === id);
  if (!found) throw new Error(`no catalog entry "${id}"`);
  return found;
};

/** A typical small-interface latency: 48 kHz, 128-sample buffers, one each way, 1.2 ms of converters. */
export const TYPICAL_LATENCY: Latency = {
  bufferSamples: 128,
  inputBuffers: 1,
  outputBuffers: 1,
  converterLatency: { value: 1.2, unit: 'ms' },
  monitoring: 'computer',
};

/** The input setups of examples/input/: the classic demonstrations, built from the catalog. */
export const inputExamples: readonly { id: string; story: string; input: InputSetup }[] = [
  {
    id: 'strat-into-hi-z',
    story: 'A Stratocaster single coil on 3 m of cable into a 1 MΩ instrument input: the resonance peak survives.',
    input: {
      sampleRateHz: 48000,
      instrument: {
        pickup: byId(pickups, 'strat-single-coil').part,
        controlsLoadOhms: 125_000,
        cable: { ...byId(cables, 'instrument-cable').part, lengthM: 3 },
        inputType: 'hi-z',
      },
    },
  },
  {
    id: 'strat-into-line-input',
    story: 'The same guitar into a 10 kΩ line input: the peak is gone and the treble falls from about 1 kHz.',
    input: {
      sampleRateHz: 48000,
      instrument: {
        pickup: byId(pickups, 'strat-single-coil').part,
        controlsLoadOhms: 125_000,
        cable: { ...byId(cables, 'instrument-cable').part, lengthM: 3 },
        inputType: 'line',
      },
    },
  },
  {
    id: 'sm58-vocal-128-samples',
    story: 'An SM58 at 50 dB of gain into a 24-bit converter, monitored through the computer at 128 samples.',
    input: {
      sampleRateHz: 48000,
      microphone: microphoneInput(byId(microphones, 'shure-sm58'), byId(micChannels, 'focusrite-forte'), { gainDb: 50, phantomPower: false, bitDepth: 24, dither: false }),
      latency: TYPICAL_LATENCY,
    },
  },
  {
    id: 'u87-without-phantom',
    story: 'A condenser with phantom power off: no signal, only the preamp’s noise.',
    input: {
      sampleRateHz: 48000,
      microphone: microphoneInput(byId(microphones, 'neumann-u87-ai'), byId(micChannels, 'focusrite-forte'), { gainDb: 30, phantomPower: false, bitDepth: 24, dither: false }),
    },
  },
];
