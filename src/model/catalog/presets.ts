/**
 * Ready-made chains built from catalog parts, each telling one story.
 * `pairedWith` names the preset to hear as B in an A/B comparison.
 */
import { SETUP_FORMAT, withSetupFormat, type Amp, type Headphone, type Setup, type Source, type Splitter } from '../setup.ts';
import { amps } from './amps.ts';
import { headphones } from './headphones.ts';
import { sources } from './sources.ts';
import { splitters } from './splitters.ts';

export interface Preset {
  readonly id: string;
  readonly title: string;
  /** One line. */
  readonly story: string;
  readonly setup: Setup;
  /** Id of the preset to hear as B. */
  readonly pairedWith?: string;
}

function find<T extends { readonly id: string; readonly part: P }, P>(list: readonly T[], id: string, what: string): P {
  const entry = list.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`catalog has no ${what} "${id}"`);
  return entry.part;
}

// Copies, so a preset's setup never shares objects with the catalog or another preset.
const hp = (id: string): Headphone => structuredClone(find(headphones, id, 'headphone'));
const src = (id: string, volumeDb = 0): Source => ({ ...structuredClone(find(sources, id, 'source')), volumeDb });
const amp = (id: string): Amp => ({ ...find(amps, id, 'amp') });
const splitter = (id: string): Splitter => ({ ...find(splitters, id, 'splitter') });

/** Stamped with the oldest format that holds it (parts with noise make it headroom/setup@3). */
function setup(levelDbfs: number, source: Source, chain: { amp?: Amp; splitter?: Splitter }, listeners: Headphone[]): Setup {
  return withSetupFormat({
    format: SETUP_FORMAT,
    signal: { levelDbfs },
    source,
    amp: chain.amp ?? null,
    splitter: chain.splitter ?? null,
    headphones: listeners,
  });
}

export const defaultPresetId = 'phone-hd600';

export const presets: readonly Preset[] = [
  {
    id: 'phone-hd600',
    title: 'Phone → HD 600, no amp',
    story: 'A 300 Ω Sennheiser straight into an iPhone 6 jack: clean but quiet, because 1 V is all the phone has.',
    setup: setup(-10, src('iphone-6-jack'), {}, [hp('sennheiser-hd-600')]),
    pairedWith: 'phone-amp-hd600',
  },
  {
    id: 'phone-amp-hd600',
    title: 'Phone → Magni 2 → HD 600',
    story: 'The same phone and headphones with a desktop amp at 6× gain: 15.6 dB louder (108 dB SPL), and still clean at full scale (118 dB SPL).',
    setup: setup(-10, src('iphone-6-jack'), { amp: amp('schiit-magni-2') }, [hp('sennheiser-hd-600')]),
    pairedWith: 'phone-hd600',
  },
  {
    id: 'laptop-splitter-two-m50x',
    title: 'Laptop → Y splitter → two ATH-M50x',
    story: 'Two people share a MacBook Air jack through a passive Y splitter: each gets a little less than alone, since the jack now sees 19 Ω.',
    setup: setup(-10, src('macbook-air-2024-low-z'), { splitter: splitter('passive-y-splitter-3-5mm') }, [
      hp('audio-technica-ath-m50x'),
      hp('audio-technica-ath-m50x'),
    ]),
    pairedWith: 'laptop-m50x-alone',
  },
  {
    id: 'laptop-m50x-alone',
    title: 'Laptop → one ATH-M50x',
    story: 'One listener on the MacBook Air jack, for comparison with the shared splitter.',
    setup: setup(-10, src('macbook-air-2024-low-z'), {}, [hp('audio-technica-ath-m50x')]),
    pairedWith: 'laptop-splitter-two-m50x',
  },
  {
    id: 'band-interface-distribution-amp',
    title: 'Interface → 4-way distribution amp → band',
    story: 'A Scarlett line out feeds four independent HPA-2 stages, so four different headphones each get their own output and nobody loads anybody else.',
    setup: setup(-10, src('focusrite-scarlett-2i2-gen3-line-out', -30), { amp: amp('neurochrome-hpa-2-x4') }, [
      hp('beyerdynamic-dt-770-pro-80'),
      hp('sennheiser-hd-650'),
      hp('sony-mdr-7506'),
      hp('akg-k240-studio'),
    ]),
  },
  {
    id: 'iec-120-ohm-hf5',
    title: '120 Ω output → Etymotic hf5',
    story: 'A 16 Ω balanced-armature in-ear on a 120 Ω (IEC 61938) output: its rising impedance turns into a treble boost of almost 2 dB.',
    setup: setup(-10, src('iec-61938-reference', -12), {}, [hp('etymotic-hf5')]),
    pairedWith: 'dac-iem-hf5',
  },
  {
    id: 'dac-iem-hf5',
    title: '0.1 Ω IEM output → Etymotic hf5',
    story: 'The same in-ear on a 0.1 Ω IEM output: flat, as the manufacturer tuned it.',
    setup: setup(-10, src('rme-adi-2-dac-iem', -12), {}, [hp('etymotic-hf5')]),
    pairedWith: 'iec-120-ohm-hf5',
  },
  {
    id: 'phone-four-k371-splitter',
    title: 'Phone → splitters → four AKG K371',
    story: 'Four friends on one iPhone 6 through splitters: an 8 Ω load asks for more current than the phone can give, and it clips 4.6 dB below full scale.',
    setup: setup(-10, src('iphone-6-jack'), { splitter: splitter('passive-y-splitter-3-5mm') }, [
      hp('akg-k371'),
      hp('akg-k371'),
      hp('akg-k371'),
      hp('akg-k371'),
    ]),
  },
  {
    id: 'nexus-5x-dt880-600',
    title: 'Weak phone → 600 Ω DT 880',
    story: 'A Nexus 5X gives 0.29 V at most: a 600 Ω beyerdynamic reaches only about 77 dB SPL at a −10 dBFS signal.',
    setup: setup(-10, src('nexus-5x-jack'), {}, [hp('beyerdynamic-dt-880-600')]),
    pairedWith: 'nexus-5x-amp-dt880-600',
  },
  {
    id: 'nexus-5x-amp-dt880-600',
    title: 'Weak phone → Objective2 → 600 Ω DT 880',
    story: 'The same phone through a portable O2 at 3.3× gain: 10.4 dB louder, still clean.',
    setup: setup(-10, src('nexus-5x-jack'), { amp: amp('jds-labs-objective2') }, [hp('beyerdynamic-dt-880-600')]),
    pairedWith: 'nexus-5x-dt880-600',
  },
  {
    id: 'laptop-hiss-se846',
    title: 'Laptop jack → Shure SE846 (hiss)',
    story: 'A four-driver in-ear on a laptop jack whose codec is specified at 97 dB(A): press pause and the hiss stays, about 37 dB(A), some 29 dB above the threshold of hearing.',
    setup: setup(-10, src('laptop-realtek-alc268-jack', -35), {}, [hp('shure-se846')]),
    pairedWith: 'quiet-iem-out-se846',
  },
  {
    id: 'quiet-iem-out-se846',
    title: 'Quiet IEM output → Shure SE846',
    story: 'The same in-ear on RME\'s −124 dBu(A) IEM output: the hiss falls by 28 dB, to the edge of audibility in a quiet room.',
    setup: setup(-10, src('rme-adi-2-dac-iem', -32), {}, [hp('shure-se846')]),
    pairedWith: 'laptop-hiss-se846',
  },
];

export function findPreset(id: string): Preset | undefined {
  return presets.find((preset) => preset.id === id);
}
