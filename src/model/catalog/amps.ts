/**
 * Headphone amplifiers with sourced figures.
 *
 * Derived figures follow from published power ratings: Vrms = sqrt(P·R), and the
 * peak current at a rating is sqrt(2)·Vrms/R. Input impedances were not published
 * in the sources found; see the estimate's reasoning (it barely matters for the
 * low-impedance sources in this catalog).
 */
import type { Citation, CatalogAmp } from './citations.ts';

const inputImpedanceEstimate = (source: string): Citation => ({
  field: 'inputImpedanceOhms',
  source,
  kind: 'estimate',
  reasoning: 'Not given in the sources found. 10 kΩ is a common line-input value; from the ≤ 3.1 Ω phone, laptop and DAC outputs of this catalog it changes the level by at most 20·log10(10000/10003.1) = −0.003 dB, and from the 120 Ω IEC output by −0.1 dB.',
});

export const amps: readonly CatalogAmp[] = [
  {
    id: 'schiit-magni-2',
    kind: 'desktop',
    // Its noise (SNR > 102 dB unweighted re 1 V) is on the low-gain data entry only: this part is in the default preset pair, which stays headroom/setup@1.
    notes: 'Desktop amp at its high-gain setting (6×). Ratings: 1.8 W/16 Ω, 1.2 W/32 Ω, 1.0 W/50 Ω, 260 mW/300 Ω, 130 mW/600 Ω.',
    part: {
      name: 'Schiit Magni 2 (high gain)',
      inputImpedanceOhms: 10000,
      gainDb: 15.56,
      outputImpedanceOhms: 0.2,
      maxOutputVrms: 8.83,
      maxOutputCurrentMa: 474,
      outputs: 'shared',
    },
    citations: [
      inputImpedanceEstimate('Schiit spec via head-fi.org showcase "Schiit Magni 2" (input impedance not listed)'),
      {
        field: 'gainDb',
        source: 'Schiit spec via head-fi.org showcase "Schiit Magni 2": gain 1.5× / 6×',
        kind: 'manufacturer',
        reasoning: '6× = 20·log10(6) = 15.56 dB. (The research notes wrote "6x (14 dB)"; 14 dB would be 5×.)',
      },
      { field: 'outputImpedanceOhms', source: 'Schiit spec via head-fi.org showcase "Schiit Magni 2": output impedance < 0.2 Ω', kind: 'manufacturer', reasoning: 'Upper bound used.' },
      {
        field: 'maxOutputVrms',
        source: 'Schiit spec via head-fi.org showcase "Schiit Magni 2": 260 mW into 300 Ω, 130 mW into 600 Ω',
        kind: 'estimate',
        reasoning: 'V = sqrt(P·R): sqrt(0.26·300) = 8.83 Vrms and sqrt(0.13·600) = 8.83 Vrms; both high-impedance ratings agree, so the rail is voltage-limited at 8.83 Vrms.',
      },
      {
        field: 'maxOutputCurrentMa',
        source: 'Schiit spec via head-fi.org showcase "Schiit Magni 2": 1.8 W into 16 Ω',
        kind: 'estimate',
        reasoning: 'sqrt(1.8·16) = 5.37 Vrms, 5.37/16 = 335 mA rms, × √2 = 474 mA peak. The 32 Ω rating (1.2 W = 6.2 Vrms, 274 mA peak) is lower than this limit implies: supply sag is not modelled.',
      },
    ],
  },
  {
    id: 'jds-labs-objective2',
    kind: 'portable',
    notes: 'The Objective2 (O2) as sold by JDS Labs, high gain. Ratings: 613 mW/32 Ω, 88 mW/600 Ω.',
    part: {
      name: 'JDS Labs Objective2 (O2), 3.3× gain',
      inputImpedanceOhms: 10000,
      gainDb: 10.37,
      outputImpedanceOhms: 0.54,
      maxOutputVrms: 7.27,
      maxOutputCurrentMa: 196,
      outputs: 'shared',
    },
    citations: [
      inputImpedanceEstimate('JDS Labs blog, "PSA: Element is Not an O2" (input impedance not listed)'),
      { field: 'gainDb', source: 'JDS Labs blog, "PSA: Element is Not an O2": gain 1.0 / 3.3×', kind: 'manufacturer', reasoning: '3.3× = 20·log10(3.3) = 10.37 dB.' },
      { field: 'outputImpedanceOhms', source: 'JDS Labs blog, "PSA: Element is Not an O2": output impedance 0.54 Ω', kind: 'manufacturer' },
      { field: 'maxOutputVrms', source: 'JDS Labs blog, "PSA: Element is Not an O2": 88 mW into 600 Ω', kind: 'estimate', reasoning: 'V = sqrt(0.088·600) = 7.27 Vrms.' },
      { field: 'maxOutputCurrentMa', source: 'JDS Labs blog, "PSA: Element is Not an O2": 613 mW into 32 Ω', kind: 'estimate', reasoning: 'sqrt(0.613·32) = 4.43 Vrms, /32 Ω = 138 mA rms, × √2 = 196 mA peak.' },
    ],
  },
  {
    id: 'jds-labs-element',
    kind: 'desktop',
    notes: 'Desktop DAC/amp, high gain. Ratings: 1500 mW/32 Ω, 140 mW/600 Ω.',
    part: {
      name: 'JDS Labs Element, 4.7× gain',
      inputImpedanceOhms: 10000,
      gainDb: 13.44,
      outputImpedanceOhms: 0.1,
      maxOutputVrms: 9.17,
      maxOutputCurrentMa: 306,
      outputs: 'shared',
    },
    citations: [
      inputImpedanceEstimate('JDS Labs blog, "PSA: Element is Not an O2" (input impedance not listed)'),
      { field: 'gainDb', source: 'JDS Labs blog, "PSA: Element is Not an O2": gain 1.0 / 4.7×', kind: 'manufacturer', reasoning: '4.7× = 20·log10(4.7) = 13.44 dB.' },
      { field: 'outputImpedanceOhms', source: 'JDS Labs blog, "PSA: Element is Not an O2": output impedance 0.1 Ω', kind: 'manufacturer' },
      { field: 'maxOutputVrms', source: 'JDS Labs blog, "PSA: Element is Not an O2": 140 mW into 600 Ω', kind: 'estimate', reasoning: 'V = sqrt(0.14·600) = 9.17 Vrms.' },
      { field: 'maxOutputCurrentMa', source: 'JDS Labs blog, "PSA: Element is Not an O2": 1500 mW into 32 Ω', kind: 'estimate', reasoning: 'sqrt(1.5·32) = 6.93 Vrms, /32 Ω = 217 mA rms, × √2 = 306 mA peak.' },
    ],
  },
  {
    id: 'ifi-zen-air-can',
    kind: 'desktop',
    notes: 'Budget desktop amp at its +18 dB gain setting. Ratings: >6.7 V/75 mW at 600 Ω, >6.5 V/660 mW at 64 Ω, >6.2 V/1200 mW at 32 Ω.',
    part: {
      name: 'iFi ZEN Air CAN (+18 dB)',
      inputImpedanceOhms: 10000,
      gainDb: 18,
      outputImpedanceOhms: 2.6,
      maxOutputVrms: 6.7,
      outputs: 'shared',
      noise: { dynamicRangeDb: 114, weighting: 'A' },
    },
    citations: [
      inputImpedanceEstimate('iFi ZEN Air CAN manual (Headphone Zone PDF; input impedance not found there)'),
      { field: 'noise.dynamicRangeDb', source: 'iFi ZEN Air CAN manual (Headphone Zone PDF): dynamic range 114 dB(A)', url: 'https://cdn.shopify.com/s/files/1/0153/8863/files/Headphone-Zone-iFi-Audio-ZEN-Air-CAN-Manual.pdf', kind: 'manufacturer' },
      { field: 'gainDb', source: 'iFi ZEN Air CAN manual (Headphone Zone PDF): gain 0 / 9 / 18 dB', kind: 'manufacturer' },
      { field: 'maxOutputVrms', source: 'iFi ZEN Air CAN manual (Headphone Zone PDF): > 6.7 V into 600 Ω', kind: 'manufacturer', reasoning: 'A lower bound; used as the rail.' },
      {
        field: 'outputImpedanceOhms',
        source: 'iFi ZEN Air CAN manual (Headphone Zone PDF): > 6.7 V into 600 Ω, > 6.2 V into 32 Ω',
        kind: 'estimate',
        reasoning: 'If the whole drop from 6.7 V (600 Ω) to 6.2 V (32 Ω) were output impedance: Z = 32·(6.7/6.2 − 1) = 2.6 Ω. This is an upper bound (part of the drop may be current limiting, and both ratings are minimums).',
      },
    ],
  },
  {
    id: 'neurochrome-hpa-2-x4',
    kind: 'distribution',
    notes: 'Four Neurochrome HPA-2 headphone amp modules built as a 4-way distribution amp: one input, four independent output stages (one module per listener).',
    part: {
      name: 'Neurochrome HPA-2 ×4 distribution amp (+20 dB)',
      inputImpedanceOhms: 200000,
      gainDb: 20,
      outputImpedanceOhms: 0,
      maxOutputVrms: 7.75,
      maxOutputCurrentMa: 1100,
      outputs: 'independent',
    },
    citations: [
      { field: 'inputImpedanceOhms', source: 'Neurochrome, "HPA 2 Manual", Specs: input 200 kΩ balanced', url: 'https://cdn.shopify.com/s/files/1/0321/7609/files/HPA-2_Manual.pdf?1240', kind: 'manufacturer' },
      { field: 'gainDb', source: 'Neurochrome, "HPA 2 Manual", Specs: gain range off to +20 dB', url: 'https://cdn.shopify.com/s/files/1/0321/7609/files/HPA-2_Manual.pdf?1240', kind: 'manufacturer', reasoning: 'The maximum of the published range; presets set the level with the source volume.' },
      { field: 'outputImpedanceOhms', source: 'Neurochrome, "HPA 2 Manual", Specs: output impedance "0 Ω"', url: 'https://cdn.shopify.com/s/files/1/0321/7609/files/HPA-2_Manual.pdf?1240', kind: 'manufacturer' },
      {
        field: 'maxOutputVrms',
        source: 'Neurochrome, "HPA 2 Manual", Specs: up to +20 dBu into 60 Ω at ±15 V supplies',
        url: 'https://cdn.shopify.com/s/files/1/0321/7609/files/HPA-2_Manual.pdf?1240',
        kind: 'manufacturer',
        reasoning: '+20 dBu = 0.7746 V × 10^(20/20) = 7.75 Vrms.',
      },
      { field: 'maxOutputCurrentMa', source: 'Neurochrome, "HPA 2 Manual", Specs: maximum peak current 1.1 A at maximum peak output into 30 Ω', url: 'https://cdn.shopify.com/s/files/1/0321/7609/files/HPA-2_Manual.pdf?1240', kind: 'manufacturer' },
    ],
  },
];
