/**
 * Real headphone outputs (phones, a USB-C dongle, laptops, an audio interface, a DAC) and the
 * IEC 61938 reference output, with sourced figures. `volumeDb` is a user setting
 * (0 dB = full digital volume), not a figure of the device.
 *
 * Output impedance from two loaded measurements: with unloaded EMF E and output
 * impedance Z, V_R = E·R/(R + Z). Two loads R1, R2 with voltages V1, V2 give
 * Z = R1·R2·(V2 − V1)/(V1·R2 − V2·R1) and E = V2·(R2 + Z)/R2.
 */
import type { CatalogSource } from './citations.ts';

const ANANDTECH_IPHONE6 = 'AnandTech, "The iPhone 6 Review", Audio Quality page (C. Heinonen, 2014): Audio Precision APx582, 0 dBFS at maximum volume, 15/33/150/330 Ω loads';
const ANANDTECH_M8 = 'AnandTech, "Smartphone Audio Testing - HTC One M8 and Samsung Galaxy S5" (C. Heinonen, 2014): Audio Precision APx582, 15/33/150/330 Ω loads';
const APPLE_HIGH_Z = 'Apple Support HT212856, "Use high-impedance headphones with your Mac" (2021): <150 Ω → up to 1.25 Vrms; 150 Ω-1 kΩ → 3 Vrms';
const ASR_MBA = 'Audio Science Review forum, "Review and measurements of MacBook Air (2024) headphone output" (mcdn, 2025): Cosmos ADCiso, resistive loads';
const IEC_61938 = 'IEC 61938 headphone-output recommendation (5 V behind 120 Ω for 8-600 Ω headphones), as quoted by epanorama.net "Headphone details" (secondary; the standard itself was not read)';

export const sources: readonly CatalogSource[] = [
  {
    id: 'iphone-6-jack',
    kind: 'phone',
    notes: 'Clips into 15 Ω at full volume (AnandTech shows the clipped sine). 1.007 Vrms into 330 Ω, 0.933 Vrms into 33 Ω.',
    part: { name: 'Apple iPhone 6 headphone jack', outputImpedanceOhms: 2.93, maxOutputVrms: 1.016, maxOutputCurrentMa: 77, volumeDb: 0 },
    citations: [
      {
        field: 'outputImpedanceOhms',
        source: ANANDTECH_IPHONE6,
        url: 'https://www.anandtech.com/show/8554/the-iphone-6-review',
        kind: 'estimate',
        reasoning: 'From two loaded measurements (1.007 Vrms into 330 Ω, 0.933 Vrms into 33 Ω): Z = 33·330·(1.007 − 0.933)/(0.933·330 − 1.007·33) = 2.93 Ω.',
      },
      {
        field: 'maxOutputVrms',
        source: ANANDTECH_IPHONE6,
        url: 'https://www.anandtech.com/show/8554/the-iphone-6-review',
        kind: 'estimate',
        reasoning: 'Unloaded EMF extrapolated from the 330 Ω reading: 1.007·(330 + 2.93)/330 = 1.016 Vrms.',
      },
      {
        field: 'maxOutputCurrentMa',
        source: ANANDTECH_IPHONE6,
        url: 'https://www.anandtech.com/show/8554/the-iphone-6-review',
        kind: 'estimate',
        reasoning: 'Into 15 Ω the output clips at 0 dBFS and delivers 812.7 mVrms (unclipped it would be 1.016·15/17.93 = 0.850 Vrms): peak current at the onset of clipping ≈ 0.8127·√2/15 = 77 mA.',
      },
    ],
  },
  {
    id: 'htc-one-m8-jack',
    kind: 'phone',
    notes: 'About 1.2-1.3 Vrms into every load; 1.299 Vrms into 330 Ω, 1.254 Vrms into 33 Ω.',
    part: { name: 'HTC One M8 headphone jack', outputImpedanceOhms: 1.32, maxOutputVrms: 1.304, volumeDb: 0 },
    citations: [
      {
        field: 'outputImpedanceOhms',
        source: ANANDTECH_M8,
        url: 'https://www.anandtech.com/show/8078/smartphone-audio-testing-htc-one-m8-and-samsung-galaxy-s5',
        kind: 'estimate',
        reasoning: 'From 1.299 Vrms into 330 Ω and 1.254 Vrms into 33 Ω: Z = 33·330·(1.299 − 1.254)/(1.254·330 − 1.299·33) = 1.32 Ω.',
      },
      {
        field: 'maxOutputVrms',
        source: ANANDTECH_M8,
        url: 'https://www.anandtech.com/show/8078/smartphone-audio-testing-htc-one-m8-and-samsung-galaxy-s5',
        kind: 'estimate',
        reasoning: 'Unloaded EMF extrapolated from the 330 Ω reading: 1.299·(330 + 1.32)/330 = 1.304 Vrms.',
      },
    ],
  },
  {
    id: 'nexus-5x-jack',
    kind: 'phone',
    notes: 'A weak phone output: 0.286 Vrms unloaded at maximum volume, 0.261 Vrms into 35.9 Ω.',
    part: { name: 'Google Nexus 5X headphone jack', outputImpedanceOhms: 3.1, maxOutputVrms: 0.286, volumeDb: 0 },
    citations: [
      {
        field: 'outputImpedanceOhms',
        source: 'marzocchi.net, "Output impedance of Nexus 5X" (2016): 1 kHz sine, 35.9 Ω resistor load, one channel loaded (3.5 Ω with both)',
        url: 'https://marzocchi.net/wp/2025/05/output-impedance-of-nexus-5x',
        kind: 'measurement',
      },
      {
        field: 'maxOutputVrms',
        source: 'marzocchi.net, "Output impedance of Nexus 5X" (2016): unloaded output at volume step 15 (maximum)',
        url: 'https://marzocchi.net/wp/2025/05/output-impedance-of-nexus-5x',
        kind: 'measurement',
      },
    ],
  },
  {
    id: 'apple-usb-c-dongle',
    kind: 'dongle',
    notes: 'Apple USB-C to 3.5 mm Headphone Jack Adapter (Cirrus Logic DAC/amp in the plug). Regional versions differ: the US model (A2049) is clearly louder than the EU model (A2155) (journaldulapin.com, 2023, level comparison without voltages). The level used here is one hand measurement on an iPhone at full volume, region not stated; no lab figure for either version was found.',
    part: { name: 'Apple USB-C to 3.5 mm adapter', outputImpedanceOhms: 0.9, maxOutputVrms: 0.6, volumeDb: 0 },
    citations: [
      {
        field: 'outputImpedanceOhms',
        source: 'Audio Science Review, "Review: Apple vs Google USB-C Headphone Adapters" (amirm, 2019): output impedance 0.9 Ω (as summarised by Frieve-A/audioreview, "Apple USB-C to 3.5mm Headphone Jack Adapter", 2025; the ASR page itself was not read)',
        url: 'https://www.audiosciencereview.com/forum/index.php?threads/review-apple-vs-google-usb-c-headphone-adapters.5541/',
        kind: 'measurement',
        reasoning: 'Second-hand: the figure is quoted from ASR by a review summary; a user measurement in the same thread reportedly found about 0.5 Ω.',
      },
      {
        field: 'maxOutputVrms',
        source: 'GitHub lightphone/light-sdk issue #186, "USB-C audio is ~23.5 dB too quiet through the Apple USB-C→3.5mm adapter" (2026): iPhone 16 Pro Max at maximum volume through the adapter, 1 kHz sine at −1 dBFS recorded at −3.2 dBu (Audient iD44 input)',
        url: 'https://github.com/lightphone/light-sdk/issues/186',
        kind: 'estimate',
        reasoning: 'A hand measurement, scaled to full scale: −3.2 dBu at −1 dBFS is −2.2 dBu at 0 dBFS, 0.7746·10^(−2.2/20) = 0.60 Vrms (reading the dBu figure as the rms level of the sine). The interface input (kΩ) barely loads a 0.9 Ω output. Region of the adapter not stated, and iOS may hold back the top of its volume range, so this is a lower bound for the US version.',
      },
    ],
  },
  {
    id: 'macbook-air-2024-low-z',
    kind: 'laptop',
    notes: 'Impedance-sensing jack in its mode for headphones under 150 Ω (chosen when the plug is inserted). ASR reports both "1.25 V (30 Ω)" and 48 mW into 30 Ω (= 1.20 V); 85 mW into 15 Ω.',
    part: { name: 'Apple MacBook Air (2024) jack, <150 Ω mode', outputImpedanceOhms: 1.25, maxOutputVrms: 1.25, volumeDb: 0 },
    citations: [
      { field: 'maxOutputVrms', source: APPLE_HIGH_Z, url: 'https://support.apple.com/en-us/HT212856', kind: 'manufacturer' },
      {
        field: 'outputImpedanceOhms',
        source: ASR_MBA,
        url: 'https://www.audiosciencereview.com/forum/index.php?threads/review-and-measurements-of-macbook-air-2024-headphone-output.63218/',
        kind: 'estimate',
        reasoning: '48 mW into 30 Ω is sqrt(0.048·30) = 1.20 Vrms against the specified 1.25 Vrms EMF: Z = 30·(1.25/1.20 − 1) = 1.25 Ω. (The 15 Ω figure, 85 mW = 1.13 Vrms, would give 1.6 Ω; current limiting may contribute there.)',
      },
    ],
  },
  {
    id: 'macbook-air-2024-high-z',
    kind: 'laptop',
    notes: 'The same jack in its mode for 150 Ω-1 kΩ headphones: 2.97 Vrms and 29 mW into 300 Ω (ASR).',
    part: { name: 'Apple MacBook Air (2024) jack, 150 Ω-1 kΩ mode', outputImpedanceOhms: 3.0, maxOutputVrms: 3.0, volumeDb: 0 },
    citations: [
      { field: 'maxOutputVrms', source: APPLE_HIGH_Z, url: 'https://support.apple.com/en-us/HT212856', kind: 'manufacturer' },
      {
        field: 'outputImpedanceOhms',
        source: ASR_MBA,
        url: 'https://www.audiosciencereview.com/forum/index.php?threads/review-and-measurements-of-macbook-air-2024-headphone-output.63218/',
        kind: 'estimate',
        reasoning: '2.97 Vrms into 300 Ω against the specified 3 Vrms: Z = 300·(3/2.97 − 1) = 3.0 Ω. A 1 % reading difference, so this is only an order of magnitude (it may equally be spec tolerance).',
      },
    ],
  },
  {
    id: 'rme-adi-2-dac-iem',
    kind: 'dac',
    notes: 'The dedicated low-noise IEM output of a desktop DAC: deliberately low voltage, near-zero output impedance.',
    part: { name: 'RME ADI-2 DAC FS, IEM output', outputImpedanceOhms: 0.1, maxOutputVrms: 0.73, volumeDb: 0, noise: { uVrms: 0.49, weighting: 'A' } },
    citations: [
      {
        field: 'outputImpedanceOhms',
        source: 'RME, "ADI-2 DAC FS User\'s Guide" v2.2, §19.5 IEM Out: "output impedance of less than 0.1 Ohm"',
        url: 'https://www.manualshelf.com/manual/rme/adi2-dac-fs/user-s-manual-english/page-38.html',
        kind: 'manufacturer',
        reasoning: 'The published upper bound is used.',
      },
      {
        field: 'maxOutputVrms',
        source: 'RME, "ADI-2 DAC FS User\'s Guide" v2.2, §19.5 IEM Out: maximum output level −0.5 dBu, "equalling 0.73 Vrms"',
        url: 'https://www.manualshelf.com/manual/rme/adi2-dac-fs/user-s-manual-english/page-38.html',
        kind: 'manufacturer',
      },
      {
        field: 'noise.uVrms',
        source: 'RME, "ADI-2 DAC FS User\'s Guide" v2.2, §19.5 IEM Out: "The noise floor at extremely low -124 dBu(A) stays inaudible even with the most sensitive In-Ears"',
        url: 'https://www.manualshelf.com/manual/rme/adi2-dac-fs/user-s-manual-english/page-38.html',
        kind: 'manufacturer',
        reasoning: '−124 dBu(A) = 0.7746 V · 10^(−124/20) = 0.489 µV, A-weighted; rounded to 0.49 µV.',
      },
    ],
  },
  {
    id: 'laptop-realtek-alc268-jack',
    kind: 'laptop',
    notes: 'A laptop headphone jack driven by a common HD Audio codec (Acer Aspire 5230, Realtek ALC268): the codec\'s DAC is specified at 97 dB SNR, A-weighted. Only that figure is published for this jack; its level and output impedance are typical values, so treat this entry as a representative laptop, not a measurement of one.',
    part: { name: 'Laptop jack (Realtek ALC268 codec)', outputImpedanceOhms: 1, maxOutputVrms: 1, volumeDb: 0, noise: { dynamicRangeDb: 97, weighting: 'A' } },
    citations: [
      {
        field: 'noise.dynamicRangeDb',
        source: 'Acer, "Aspire 5230 Service Guide", ch. 1, Audio Interface: "Realtek ALC268S … High-performance DACs with 97dB SNR (A-Weighting)"',
        url: 'https://www.easymanua.ls/acer/aspire-5230/manual?p=34',
        kind: 'manufacturer',
        reasoning: 'The DAC\'s SNR below its full scale, used as the jack\'s dynamic range below maxOutputVrms: the codec\'s headphone amplifier adds its own noise after the DAC, so the jack can only be noisier.',
      },
      {
        field: 'maxOutputVrms',
        source: 'Our estimate for an HD Audio codec headphone output',
        kind: 'estimate',
        reasoning: 'No output level was published for this laptop. 1 Vrms at full scale is the order of HD Audio codec headphone outputs (the MacBook Air in this catalog: 1.25 Vrms). The hiss scales with it (97 dB below it), so 1 Vrms gives 14 µV(A).',
      },
      {
        field: 'outputImpedanceOhms',
        source: 'Our estimate for an HD Audio codec headphone output',
        kind: 'estimate',
        reasoning: 'Not published. Codec headphone amplifiers drive the jack directly (a low output impedance, the MacBook Air in this catalog: 1.25 Ω); 1 Ω is used. It hardly matters for the hiss story.',
      },
    ],
  },
  {
    id: 'focusrite-scarlett-2i2-gen3-line-out',
    kind: 'interface',
    notes: 'Line outputs of a popular USB audio interface, used to feed a headphone distribution amp. Its own headphone output figures were not found.',
    part: { name: 'Focusrite Scarlett 2i2 (3rd Gen) line out', outputImpedanceOhms: 100, maxOutputVrms: 4.6, volumeDb: 0 },
    citations: [
      {
        field: 'maxOutputVrms',
        source: 'Audio Science Review, "Focusrite Scarlett 2i2 Audio Interface Gen 3 Review" (amirm, 2019): "Max output is I think 4.6 volts"',
        url: 'https://www.audiosciencereview.com/forum/index.php?threads/focusrite-scarlett-2i2-audio-interface-gen-3-review.10187/',
        kind: 'measurement',
        reasoning: 'Reviewer\'s hedged reading of the DAC line output at 0 dBFS.',
      },
      {
        field: 'outputImpedanceOhms',
        source: 'No published figure found',
        kind: 'estimate',
        reasoning: 'Placeholder of the order of an op-amp line output with a build-out resistor. It only ever drives an amp input here: into the 200 kΩ input of the HPA-2 it changes the level by 20·log10(200000/200100) = −0.004 dB, so its exact value does not affect any preset.',
      },
    ],
  },
  {
    id: 'iec-61938-reference',
    kind: 'reference',
    notes: 'Not a product: the old standard headphone output (5 V behind 120 Ω), still found on some hi-fi and studio gear. The classic high-output-impedance source.',
    part: { name: 'IEC 61938 reference headphone output (120 Ω)', outputImpedanceOhms: 120, maxOutputVrms: 5, volumeDb: 0 },
    citations: [
      { field: 'outputImpedanceOhms', source: IEC_61938, url: 'http://www.epanorama.net/documents/audio/headphone_details.html', kind: 'manufacturer', reasoning: 'A standard\'s figure, quoted second-hand.' },
      { field: 'maxOutputVrms', source: IEC_61938, url: 'http://www.epanorama.net/documents/audio/headphone_details.html', kind: 'manufacturer', reasoning: 'A standard\'s figure, quoted second-hand.' },
    ],
  },
];
