/**
 * The circuit solver: phasor voltages and currents of a chain at one frequency.
 *
 *   source EMF ─ Zsrc ─┬─ (amp input Zin → amp EMF = V_in·G ─ Zamp) ─┬─ Rcable ─ Z_hp[0]
 *                      │                                            ├─ Rcable ─ Z_hp[1] …
 *
 * - Source EMF (Vrms) for the setup's sine: maxOutputVrms · 10^(volumeDb/20) · 10^(levelDbfs/20).
 * - With an amp: V_in = EMF_src · Zin/(Zsrc + Zin), EMF_amp = V_in · 10^(gainDb/20).
 * - Shared output: the driving stage sees all branches (Z_hp + Rcable) in parallel.
 *   Independent outputs: one output impedance per jack, all driven by the same amp EMF.
 * - Each headphone gets the branch current times its own impedance.
 *
 * Left and right (setup@3 ground returns). Both channels are identical circuits that share
 * their return wires: the source's and the amp's jack sleeve, a splitter's common leg and each
 * headphone's plug and common wire (ground.ts). Mid/side signals diagonalise the pair: a mid
 * signal (both channels in phase, as the report's test tone) drives both channels' currents
 * through every shared return, so to one channel each return looks twice its resistance; a side
 * signal (opposite phase) sends none through them. `mode` picks one; the default, 'mid', is
 * every level the report gives. crosstalk.ts combines the two.
 *
 * Everything is linear in the signal: clipping is judged separately (clipping.ts) by
 * scaling these phasors, because below the first limit the chain is linear.
 */
import { add, complex, div, mul, parallel, scale, type Complex } from './complex.ts';
import { groundReturns, returnFactor, type StereoMode } from './ground.ts';
import { headphoneImpedanceAt, stageOutputImpedanceAt } from './impedance.ts';
import type { Amp, Setup, Source } from './setup.ts';
import { dbToVoltageRatio } from './units.ts';

export interface StageSolution {
  /** Internal (open-circuit) EMF, Vrms phasor. */
  emf: Complex;
  /** The stage's own, plus in the mid mode the returns its whole current shares (twice each). */
  outputImpedance: Complex;
  /** What the stage drives (the amp's input, or the parallel branches). */
  load: Complex;
  /** Current out of the stage, Arms phasor. */
  current: Complex;
}

export interface ListenerSolution {
  /** Vrms phasor at the headphone's terminals. */
  loadVoltage: Complex;
  /** Arms phasor through the headphone. */
  current: Complex;
  impedance: Complex;
  /** Index into `ChainSolution.amp.jacks` when the amp has independent outputs. */
  jack: number | null;
}

export interface ChainSolution {
  hz: number;
  source: StageSolution;
  /** With independent outputs there is one jack per headphone; otherwise one. */
  amp: null | { inputVoltage: Complex; emf: Complex; jacks: StageSolution[] };
  headphones: ListenerSolution[];
}

/** Open-circuit EMF of the source for the setup's signal, Vrms. */
export function sourceEmfVrms(source: Source, levelDbfs: number): number {
  return source.maxOutputVrms * dbToVoltageRatio(source.volumeDb) * dbToVoltageRatio(levelDbfs);
}

export function ampGain(amp: Amp): number {
  return dbToVoltageRatio(amp.gainDb);
}

export interface SolveOptions {
  /** 'mid' (default): both channels in phase; 'side': in opposite phase (see the header). */
  mode?: StereoMode;
  /** Headphone i's impedance at hz, instead of its description (the fitted model of a curve). */
  headphoneImpedance?: (index: number, hz: number) => Complex;
}

export function solveChain(setup: Setup, hz: number, options: SolveOptions = {}): ChainSolution {
  const returns = groundReturns(setup);
  const k = returnFactor(options.mode ?? 'mid');
  const cableOhms = setup.splitter?.cableResistanceOhms ?? 0;
  const impedanceOf = options.headphoneImpedance ?? ((i: number, f: number) => headphoneImpedanceAt(setup.headphones[i]!.impedance, f));
  const headphoneZ = setup.headphones.map((_, i) => impedanceOf(i, hz));
  const branchZ = headphoneZ.map((z, i) => add(z, complex(cableOhms + k * returns.headphones[i]!)));

  const sourceEmf = complex(sourceEmfVrms(setup.source, setup.signal.levelDbfs));
  const sourceZ = stageOutputImpedanceAt(setup.source.outputImpedanceOhms, setup.source.couplingCapacitorUf, hz);

  const amp = setup.amp;
  if (!amp) {
    const drivingZ = add(sourceZ, complex(k * (returns.source + returns.splitter)));
    const stage = driveLoad(sourceEmf, drivingZ, parallel(branchZ));
    const outputVoltage = mul(stage.current, stage.load);
    return {
      hz,
      source: stage,
      amp: null,
      headphones: headphoneZ.map((z, i) => branchListener(outputVoltage, z, branchZ[i]!, null)),
    };
  }

  const source = driveLoad(sourceEmf, add(sourceZ, complex(k * returns.source)), complex(amp.inputImpedanceOhms));
  const inputVoltage = mul(source.current, source.load);
  const ampEmf = scale(inputVoltage, ampGain(amp));
  // With independent outputs the splitter's return is each jack's own cable (docs/decisions.md).
  const ampZ = add(stageOutputImpedanceAt(amp.outputImpedanceOhms, amp.couplingCapacitorUf, hz), complex(k * (returns.amp + returns.splitter)));

  if (amp.outputs === 'independent') {
    const jacks = branchZ.map((z) => driveLoad(ampEmf, ampZ, z));
    return {
      hz,
      source,
      amp: { inputVoltage, emf: ampEmf, jacks },
      headphones: headphoneZ.map((z, i) => {
        const current = jacks[i]!.current;
        return { loadVoltage: mul(current, z), current, impedance: z, jack: i };
      }),
    };
  }

  const stage = driveLoad(ampEmf, ampZ, parallel(branchZ));
  const outputVoltage = mul(stage.current, stage.load);
  return {
    hz,
    source,
    amp: { inputVoltage, emf: ampEmf, jacks: [stage] },
    headphones: headphoneZ.map((z, i) => branchListener(outputVoltage, z, branchZ[i]!, null)),
  };
}

function driveLoad(emf: Complex, outputImpedance: Complex, load: Complex): StageSolution {
  return { emf, outputImpedance, load, current: div(emf, add(outputImpedance, load)) };
}

function branchListener(outputVoltage: Complex, z: Complex, branch: Complex, jack: number | null): ListenerSolution {
  const current = div(outputVoltage, branch);
  return { loadVoltage: mul(current, z), current, impedance: z, jack };
}

/**
 * The Thevenin impedance that headphone `index` sees looking back into the chain:
 * its cable resistance plus the driving stage's output impedance in parallel with
 * every other branch on a shared output. This is what damping and the 1/8 rule are about.
 * Shared returns count as in solveChain's mid mode (twice each; nothing without them).
 */
export function impedanceSeenByListener(setup: Setup, index: number, hz: number): Complex {
  const returns = groundReturns(setup);
  const k = returnFactor('mid');
  const cableOhms = setup.splitter?.cableResistanceOhms ?? 0;
  const branchExtra = (i: number) => complex(cableOhms + k * returns.headphones[i]!);
  const amp = setup.amp;
  const drivingZ = amp
    ? add(stageOutputImpedanceAt(amp.outputImpedanceOhms, amp.couplingCapacitorUf, hz), complex(k * (returns.amp + returns.splitter)))
    : add(stageOutputImpedanceAt(setup.source.outputImpedanceOhms, setup.source.couplingCapacitorUf, hz), complex(k * (returns.source + returns.splitter)));
  if (amp?.outputs === 'independent') return add(drivingZ, branchExtra(index));
  const others = setup.headphones
    .map((hp, i) => ({ hp, i }))
    .filter(({ i }) => i !== index)
    .map(({ hp, i }) => add(headphoneImpedanceAt(hp.impedance, hz), branchExtra(i)));
  return add(branchExtra(index), parallel([drivingZ, ...others]));
}
