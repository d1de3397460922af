/**
 * Real headphones, 16 Ω in-ears to 600 Ω studio headphones, with sourced figures.
 * See docs/catalog.md for the table and for how the fitted networks were made.
 *
 * Abbreviations in citations: SL = github.com/Sha1rholder/Sound-Library (read at
 * commit 0324735 / e9db9e2); "SL-official" = its file of manufacturer specs,
 * "SL-ASR" = its file of Audio Science Review (amirm) measurements.
 */
import type { Alternative, Citation, CatalogHeadphone } from './citations.ts';

const SL_URL = 'https://github.com/Sha1rholder/Sound-Library';
const SL_OFFICIAL = 'Manufacturer spec as compiled in Sound-Library data/over-ear sensitivity official.csv (Sha1rholder, 2024-2025)';
const SL_ASR = 'Audio Science Review (amirm) measurement as compiled in Sound-Library data/over-ear sensitivity asr.csv (Sha1rholder, 2024-2025)';

/** Inputs of a network fit, exported so the test can check the fit reproduces them. */
export interface FitPoint {
  readonly hz: number;
  readonly magnitudeOhms: number;
}

/** Measured |Z| points each fitted network was made to reproduce (see docs/catalog.md). */
export const networkFitPoints: Readonly<Record<string, readonly FitPoint[]>> = {
  // SL-ASR: 305 Ω at 20 Hz, 480 Ω at 100 Hz (peak), 370 Ω at 20 kHz.
  'sennheiser-hd-650': [
    { hz: 20, magnitudeOhms: 305 },
    { hz: 100, magnitudeOhms: 480 },
    { hz: 20000, magnitudeOhms: 370 },
  ],
  // SL-ASR: 253 Ω at 20 Hz, 352 Ω at 90 Hz (peak), 252 Ω measured (mid band, taken at 1 kHz), 282 Ω at 20 kHz.
  'beyerdynamic-dt-990-pro-250': [
    { hz: 20, magnitudeOhms: 253 },
    { hz: 90, magnitudeOhms: 352 },
    { hz: 1000, magnitudeOhms: 252 },
    { hz: 20000, magnitudeOhms: 282 },
  ],
  // SL-ASR: 722 Ω at 90 Hz (peak), 614 Ω at 2 kHz, 643 Ω at 20 kHz.
  'beyerdynamic-dt-880-600': [
    { hz: 90, magnitudeOhms: 722 },
    { hz: 2000, magnitudeOhms: 614 },
    { hz: 20000, magnitudeOhms: 643 },
  ],
  // SL-ASR: 59 Ω measured (mid band, taken at 1 kHz); gear.md: rises to about 90 Ω at 20 kHz.
  'akg-k701': [
    { hz: 1000, magnitudeOhms: 59 },
    { hz: 20000, magnitudeOhms: 90 },
  ],
};

const NETWORK_FIT_REASONING =
  'Single-resonance Thiele-Small network Re + sLe + (Rm ‖ Lm ‖ Cm) fitted by least squares on log|Z| to the measured points listed in networkFitPoints, with the resonance fixed at the measured peak frequency (Lm·Cm = 1/(2π·f_peak)²). The published data are magnitudes only, so phase is whatever the network implies.';

/** DT 1990 PRO |Z| from SL data/dt1990 impedance.csv (ASR-sourced), 62 of its ~500 points; phase estimated (see citation). */
const DT1990_CURVE: [number, number, number][] = [
  [19.886, 360.66, 11.1], [25.168, 393.74, 15.8], [30.135, 449.99, 16.3], [35.096, 485.68, 13.9],
  [40.311, 517.82, 10.3], [45.036, 518.39, 7.5], [50.315, 529.97, 5.6], [55.439, 537.7, 3.6],
  [61.937, 549.7, 0.8], [70.162, 547, -2.6], [80.588, 544.71, -6.1], [90.034, 534.4, -9],
  [100.587, 522.27, -11.6], [110.831, 509.55, -13.7], [125.549, 489.89, -16.4], [140.265, 467.54, -18.3],
  [161.109, 440.15, -19.9], [179.993, 419.53, -20.7], [201.091, 400.07, -21.1], [224.661, 381.81, -21.3],
  [250.994, 365.01, -21.1], [280.414, 349.82, -20.7], [300.527, 341.2, -20.4], [350.002, 323.85, -19.3],
  [402.014, 310.99, -18.1], [449.135, 302.21, -17.1], [501.779, 294.73, -16], [600.805, 285.3, -14.3],
  [699.713, 277.72, -12.9], [803.692, 272.42, -11.5], [897.895, 269.16, -10.4], [1003.14, 266.5, -9.4],
  [1201.109, 263.35, -7.9], [1398.844, 260.84, -6.8], [1606.716, 259.15, -5.9], [1795.043, 258.07, -5.1],
  [2005.445, 257.29, -4.4], [2240.509, 256.74, -3.9], [2503.125, 255.12, -3.3], [2720.097, 254.14, -2.6],
  [3038.927, 254.61, -1.7], [3490.52, 255.92, -0.8], [3899.653, 258.86, -0.3], [4237.677, 261.45, -0.6],
  [4605.001, 258.3, -0.8], [5144.766, 255.01, 0.2], [5590.717, 256.37, 1.3], [6160.081, 260.93, 2.3],
  [6601.936, 266.96, 2.6], [7075.486, 274.73, 1.7], [7375.767, 276.33, 0.5], [7688.793, 273.64, -0.6],
  [8015.103, 268.69, -1.1], [8590.017, 262.71, -0.7], [9464.832, 259.74, 0.3], [10004.165, 260.26, 0.9],
  [11022.998, 262.15, 1.5], [12486.841, 263.77, 2.1], [14145.08, 266.66, 2.5], [15803.063, 269.62, 2.8],
  [17901.694, 274.02, 2.8], [20000, 277.78, 2.2],
];

/** ASR's measured sensitivity, from the mV that give 94 dB SPL: 94 − 20·log10(mV/1000) dB SPL at 1 V. */
const asrSensitivity = (dbPerVolt: number, millivolts: string): Alternative => ({
  field: 'sensitivity',
  value: { value: dbPerVolt, unit: 'dB/V' },
  citation: { field: 'sensitivity', source: `${SL_ASR}: ${millivolts} mV for 94 dB SPL`, url: SL_URL, kind: 'measurement' },
});
/** ASR's measured mid-band |Z|. */
const asrImpedance = (ohms: number): Alternative => ({
  field: 'impedance.nominalOhms',
  value: ohms,
  citation: { field: 'impedance.nominalOhms', source: SL_ASR, url: SL_URL, kind: 'measurement' },
});

const slOfficial = (field: string, reasoning?: string): Citation =>
  reasoning === undefined
    ? { field, source: SL_OFFICIAL, url: SL_URL, kind: 'manufacturer' }
    : { field, source: SL_OFFICIAL, url: SL_URL, kind: 'manufacturer', reasoning };

export const headphones: readonly CatalogHeadphone[] = [
  {
    id: 'etymotic-hf5',
    kind: 'in-ear',
    notes: 'Single balanced-armature in-ear; impedance rises with frequency (armature inductance). 16 Ω nominal.',
    part: {
      name: 'Etymotic Research hf5',
      sensitivity: { value: 125, unit: 'dB/V' },
      impedance: { network: { reOhms: 17.2, leMh: 0.1, motional: null } },
    },
    citations: [
      {
        field: 'sensitivity.value',
        source: 'Etymotic spec "105 dB SPL for 100 mV" quoted in Stereophile, "Etymotic Research hf2 & hf5 Measurements" (J. Atkinson, 2010)',
        url: 'http://www.stereophile.com/content/etymotic-research-hf2-amp-hf5-ear-headphones-measurements',
        kind: 'manufacturer',
        reasoning: '105 dB SPL at 0.1 V = 105 + 20·log10(1/0.1) = 125 dB SPL at 1 V.',
      },
      {
        field: 'impedance.network.reOhms',
        source: 'Stereophile, "Etymotic Research hf2 & hf5 Measurements" (J. Atkinson, 2010): minimum impedance 17.2 Ω',
        url: 'http://www.stereophile.com/content/etymotic-research-hf2-amp-hf5-ear-headphones-measurements',
        kind: 'estimate',
        reasoning: 'The measured minimum |Z| (17.2 Ω) is taken as the coil resistance Re: for a balanced armature the impedance only rises above its low-frequency value, so the minimum is the resistive part.',
      },
      {
        field: 'impedance.network.leMh',
        source: 'Stereophile, "Etymotic Research hf2 & hf5 Measurements" (J. Atkinson, 2010): magnitude and positive phase rise with frequency "due to the armature\'s inductance"',
        url: 'http://www.stereophile.com/content/etymotic-research-hf2-amp-hf5-ear-headphones-measurements',
        kind: 'estimate',
        reasoning: 'No numeric high-frequency value was available (the curve is published only as a figure). 0.1 mH is a placeholder of the order of a single armature\'s inductance: it gives |Z| = 18.4 Ω at 10 kHz and 21.3 Ω (phase +36°) at 20 kHz, a modest rise consistent with Stereophile\'s "boost the top-octave response a little" from high-impedance sources. Replace with values read off Stereophile Fig. 1 when available.',
      },
    ],
  },
  {
    id: 'shure-se846',
    kind: 'in-ear',
    notes: 'A four-driver balanced-armature in-ear: very sensitive, so a source\'s hiss is heard first with in-ears like it.',
    part: { name: 'Shure SE846', sensitivity: { value: 114, unit: 'dB/mW' }, impedance: { nominalOhms: 9 } },
    citations: [
      { field: 'sensitivity.value', source: 'Shure, SE846 product specifications: sensitivity 114 dB SPL/mW (at 1 kHz)', url: 'https://www.shure.com/en-US/products/earphones/se846', kind: 'manufacturer' },
      { field: 'impedance.nominalOhms', source: 'Shure, SE846 product specifications: impedance 9 Ω (at 1 kHz)', url: 'https://www.shure.com/en-US/products/earphones/se846', kind: 'manufacturer' },
    ],
  },
  {
    id: 'akg-k371',
    kind: 'over-ear',
    notes: 'Closed back, efficient; ASR measured 117.7 dB/V and 36 Ω.',
    part: { name: 'AKG K371', sensitivity: { value: 114, unit: 'dB/V' }, impedance: { nominalOhms: 32 } },
    alternatives: [asrSensitivity(117.7, '65'), asrImpedance(36)],
    citations: [slOfficial('sensitivity.value'), slOfficial('impedance.nominalOhms')],
  },
  {
    id: 'hifiman-sundara',
    kind: 'over-ear',
    notes: 'Planar magnetic: impedance varies only 0.4 Ω from 20 Hz to 20 kHz (HiFi News). Older spec sheets say 37 Ω; ASR measured 40 Ω, InnerFidelity 43 Ω.',
    part: { name: 'HIFIMAN Sundara', sensitivity: { value: 92, unit: 'dB/mW' }, impedance: { nominalOhms: 32 } },
    alternatives: [asrSensitivity(104, '318'), asrImpedance(40)],
    citations: [slOfficial('sensitivity.value'), slOfficial('impedance.nominalOhms')],
  },
  {
    id: 'audio-technica-ath-m50x',
    kind: 'over-ear',
    notes: 'Closed studio monitor; ASR measured 115.3 dB/V and 39 Ω.',
    part: { name: 'Audio-Technica ATH-M50x', sensitivity: { value: 99, unit: 'dB/mW' }, impedance: { nominalOhms: 38 } },
    alternatives: [asrSensitivity(115.3, '86'), asrImpedance(39)],
    citations: [slOfficial('sensitivity.value'), slOfficial('impedance.nominalOhms')],
  },
  {
    id: 'grado-sr60x',
    kind: 'on-ear',
    notes: 'ASR: 40 Ω, rising to 102 Ω at 100 Hz; 112.2 dB/V measured.',
    part: { name: 'Grado SR60x', sensitivity: { value: 98, unit: 'dB/mW' }, impedance: { nominalOhms: 38 } },
    alternatives: [asrSensitivity(112.2, '123'), asrImpedance(40)],
    citations: [slOfficial('sensitivity.value'), slOfficial('impedance.nominalOhms')],
  },
  {
    id: 'akg-k240-studio',
    kind: 'over-ear',
    notes: 'Semi-open studio headphone. ASR: 57 Ω, 170 Ω at 107 Hz, 130 Ω at 20 kHz.',
    part: { name: 'AKG K240 Studio', sensitivity: { value: 104, unit: 'dB/V' }, impedance: { nominalOhms: 55 } },
    alternatives: [asrSensitivity(106.8, '230'), asrImpedance(57)],
    citations: [slOfficial('sensitivity.value'), slOfficial('impedance.nominalOhms')],
  },
  {
    id: 'akg-k701',
    kind: 'over-ear',
    notes: 'Open back; little bass peak, impedance rises toward treble. Spec 62 Ω.',
    part: {
      name: 'AKG K701',
      sensitivity: { value: 105, unit: 'dB/V' },
      impedance: { network: { reOhms: 59, leMh: 0.541, motional: null } },
    },
    alternatives: [asrSensitivity(104.6, '295')],
    citations: [
      slOfficial('sensitivity.value'),
      {
        field: 'impedance.network.reOhms',
        source: SL_ASR,
        url: SL_URL,
        kind: 'measurement',
        reasoning: 'ASR measured 59 Ω; the K701 shows little bass peak, so the mid-band value is used as Re.',
      },
      {
        field: 'impedance.network.leMh',
        source: 'Derived from SL-ASR impedance notes (rises to about 90 Ω at 20 kHz), as summarised in /work/shared/research/gear.md',
        url: SL_URL,
        kind: 'estimate',
        reasoning: 'Le = sqrt(90² − 59²)/(2π·20 kHz) = 0.541 mH, so that |Re + jωLe| = 90 Ω at 20 kHz.',
      },
    ],
  },
  {
    id: 'sony-mdr-7506',
    kind: 'over-ear',
    notes: 'ASR: 75 Ω measured, 96–100 Ω at 70 Hz; about 113.7 dB/V measured (vs 118 dB/V from the spec).',
    part: { name: 'Sony MDR-7506', sensitivity: { value: 106, unit: 'dB/mW' }, impedance: { nominalOhms: 63 } },
    alternatives: [asrSensitivity(113.9, '101'), asrSensitivity(113.6, 'second sample, 105'), asrImpedance(75)],
    citations: [slOfficial('sensitivity.value'), slOfficial('impedance.nominalOhms')],
  },
  {
    id: 'beyerdynamic-dt-770-pro-80',
    kind: 'over-ear',
    notes: 'Closed studio headphone. Sensitivity is specified at 500 Hz, not 1 kHz.',
    part: { name: 'beyerdynamic DT 770 PRO 80 Ω', sensitivity: { value: 96, unit: 'dB/mW' }, impedance: { nominalOhms: 80 } },
    citations: [
      slOfficial('sensitivity.value', 'Specified at 500 Hz; used as the 1 kHz figure the model expects.'),
      slOfficial('impedance.nominalOhms'),
    ],
  },
  {
    id: 'beyerdynamic-dt-990-pro-250',
    kind: 'over-ear',
    notes: 'Open studio headphone. ASR measured 97.0 dB/V, 5 dB below the converted spec.',
    part: {
      name: 'beyerdynamic DT 990 PRO 250 Ω',
      sensitivity: { value: 96, unit: 'dB/mW' },
      impedance: { network: { reOhms: 251.8, leMh: 1.011, motional: { rOhms: 100.2, lMh: 74.7, cUf: 41.84 } } },
    },
    alternatives: [asrSensitivity(97, '704')],
    citations: [
      slOfficial('sensitivity.value', 'Specified at 500 Hz; used as the 1 kHz figure the model expects.'),
      ...['reOhms', 'leMh', 'motional.rOhms', 'motional.lMh', 'motional.cUf'].map(
        (name): Citation => ({
          field: `impedance.network.${name}`,
          source: `Fit to ${SL_ASR}`,
          url: SL_URL,
          kind: 'estimate',
          reasoning: NETWORK_FIT_REASONING,
        }),
      ),
    ],
  },
  {
    id: 'beyerdynamic-dt-1990-pro',
    kind: 'over-ear',
    notes: 'Open studio headphone, 250 Ω. Measured curve with a broad bass peak (~550 Ω at 62 Hz).',
    part: {
      name: 'beyerdynamic DT 1990 PRO',
      sensitivity: { value: 102, unit: 'dB/mW' },
      impedance: { curve: DT1990_CURVE },
    },
    alternatives: [asrSensitivity(104.3, '306')],
    citations: [
      slOfficial('sensitivity.value', 'Specified at 500 Hz; used as the 1 kHz figure the model expects.'),
      {
        field: 'impedance.curve',
        source: 'Sound-Library data/dt1990 impedance.csv (Sha1rholder; ASR measurement), magnitudes; phase estimated',
        url: `${SL_URL}/blob/e9db9e23fdd97fdfb43d938defe19d193d4849fc/data/dt1990%20impedance.csv`,
        kind: 'estimate',
        reasoning: 'Magnitudes are 62 points of the measured file (about 1/6 octave, plus the peaks at 62 Hz, 4.2 kHz and 7.4 kHz), rounded to 0.01 Ω. The file has no phase, so phase was computed from the magnitudes with the Bode gain-phase relation for a minimum-phase impedance, with |Z| held flat outside 20 Hz-20 kHz. Checked on two fitted networks: the method errs by up to 12° between 40 Hz and 10 kHz and up to 30° at the band edges (truncation).',
      },
    ],
  },
  {
    id: 'sennheiser-hd-600',
    kind: 'over-ear',
    notes: 'Open reference headphone. SL-official lists 97 in a dB/V column; the SOS review says 97 dB/mW, and measurements (ASR 103.7 dB/V, Tyll Hertsens 102.8 dB/V) agree with the dB/mW reading (102.2 dB/V at 300 Ω).',
    part: { name: 'Sennheiser HD 600', sensitivity: { value: 97, unit: 'dB/mW' }, impedance: { nominalOhms: 300 } },
    alternatives: [asrSensitivity(103.7, '327')],
    citations: [
      {
        field: 'sensitivity.value',
        source: 'Sennheiser spec as quoted in Sound On Sound, "Sennheiser HD600" review',
        kind: 'manufacturer',
        reasoning: 'Unit conflict in the compilations resolved toward dB/mW by two independent measurements (see notes).',
      },
      slOfficial('impedance.nominalOhms'),
    ],
  },
  {
    id: 'sennheiser-hd-650',
    kind: 'over-ear',
    notes: '300 Ω nominal; ASR measured 320 Ω (mid band), 480 Ω at 100 Hz, 305 Ω at 20 Hz, 370 Ω at 20 kHz. The fitted network gives 297 Ω at 1 kHz (7 % below the measured 320 Ω: a single resonance cannot be below 305 Ω at 20 Hz and at 320 Ω at 1 kHz at once).',
    part: {
      name: 'Sennheiser HD 650',
      sensitivity: { value: 103, unit: 'dB/V' },
      impedance: { network: { reOhms: 294.7, leMh: 1.788, motional: { rOhms: 185.3, lMh: 299.5, cUf: 8.46 } } },
    },
    alternatives: [asrSensitivity(104.8, '288'), asrImpedance(320)],
    citations: [
      slOfficial('sensitivity.value'),
      ...['reOhms', 'leMh', 'motional.rOhms', 'motional.lMh', 'motional.cUf'].map(
        (name): Citation => ({
          field: `impedance.network.${name}`,
          source: `Fit to ${SL_ASR}`,
          url: SL_URL,
          kind: 'estimate',
          reasoning: NETWORK_FIT_REASONING,
        }),
      ),
    ],
  },
  {
    id: 'audio-technica-ath-r70x',
    kind: 'over-ear',
    notes: 'Open reference headphone; ASR: 474 Ω, rising above 1000 Ω at 100 Hz.',
    part: { name: 'Audio-Technica ATH-R70x', sensitivity: { value: 98, unit: 'dB/mW' }, impedance: { nominalOhms: 470 } },
    alternatives: [asrSensitivity(104, '318'), asrImpedance(474)],
    citations: [slOfficial('sensitivity.value'), slOfficial('impedance.nominalOhms')],
  },
  {
    id: 'beyerdynamic-dt-880-600',
    kind: 'over-ear',
    notes: 'Semi-open, 600 Ω. ASR measured 94.5 dB/V (iFixit lists 98 dB/V; SL-official 96 dB/mW at 500 Hz = 98.2 dB/V).',
    part: {
      name: 'beyerdynamic DT 880 600 Ω',
      sensitivity: { value: 98, unit: 'dB/V' },
      impedance: { network: { reOhms: 613.7, leMh: 1.528, motional: { rOhms: 108.3, lMh: 80.8, cUf: 38.71 } } },
    },
    alternatives: [asrSensitivity(94.5, '948')],
    citations: [
      { field: 'sensitivity.value', source: 'beyerdynamic spec (1 kHz) as listed on iFixit, "Beyerdynamic DT880" device page', kind: 'manufacturer' },
      ...['reOhms', 'leMh', 'motional.rOhms'].map(
        (name): Citation => ({
          field: `impedance.network.${name}`,
          source: `Fit to ${SL_ASR}`,
          url: SL_URL,
          kind: 'estimate',
          reasoning: NETWORK_FIT_REASONING,
        }),
      ),
      ...['motional.lMh', 'motional.cUf'].map(
        (name): Citation => ({
          field: `impedance.network.${name}`,
          source: `Fit to ${SL_ASR}, peak width borrowed from the DT 990 PRO 250 fit`,
          url: SL_URL,
          kind: 'estimate',
          reasoning: `${NETWORK_FIT_REASONING} No low-frequency point was published for the DT 880 600, so the resonance's width (Q = Rm·sqrt(Cm/Lm) = 2.37) is taken from the DT 990 PRO 250 fit (same beyerdynamic driver family, same 90 Hz peak); only Re, Le and Rm were fitted.`,
        }),
      ),
    ],
  },
];
