/**
 * The figures of headroom/report@3 about the listener's own gear (report-contract.ts,
 * `ListenerGearFigures`): how closely a measured curve's fit follows it (curve-fit.ts), the
 * hiss (noise.ts) and the crosstalk through shared returns (crosstalk.ts). Each is null where it
 * does not apply; none is ever NaN or ±Infinity.
 */
import { abs, div } from './complex.ts';
import { sensitivityDbPerVolt } from './acoustics.ts';
import { chainFitErrorsDb } from './curve-fit.ts';
import { listenerCrosstalk } from './crosstalk.ts';
import { hasSharedReturns } from './ground.ts';
import { hissAtHeadphone, noiseDensity } from './noise.ts';
import type { ListenerGearFigures } from './report-contract.ts';
import type { Setup } from './setup.ts';
import { solveChain, type ChainSolution } from './solver.ts';
import { REFERENCE_HZ, responseFrequenciesHz } from './units.ts';

interface Solutions {
  sweep: readonly ChainSolution[];
  atReference: ChainSolution;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/**
 * Per listener. `mid` may pass the report's own solutions (the 301-point sweep and 1 kHz, which
 * are the mid signal's) so that they are not solved again.
 */
export function listenerGearFigures(setup: Setup, mid?: Solutions): ListenerGearFigures[] {
  const hz = responseFrequenciesHz();
  const midSolutions: Solutions = mid ?? { sweep: hz.map((f) => solveChain(setup, f)), atReference: solveChain(setup, REFERENCE_HZ) };
  const shared = hasSharedReturns(setup);
  const side: Solutions = shared
    ? { sweep: hz.map((f) => solveChain(setup, f, { mode: 'side' })), atReference: solveChain(setup, REFERENCE_HZ, { mode: 'side' }) }
    : midSolutions;
  const fitErrors = chainFitErrorsDb(setup, midSolutions);
  const sourceNoise = noiseDensity(setup.source.noise, setup.source.maxOutputVrms);
  const ampNoise = setup.amp ? noiseDensity(setup.amp.noise, setup.amp.maxOutputVrms) : 0;

  return setup.headphones.map((headphone, i): ListenerGearFigures => {
    const crosstalk = shared ? listenerCrosstalk(i, { mid: midSolutions.atReference, side: side.atReference }, hz, midSolutions.sweep, side.sweep) : null;
    let hiss = null;
    if (sourceNoise > 0 || ampNoise > 0) {
      // (|H_mid|² + |H_side|²)/2 from each stage's EMF (noise.ts).
      const power = (solution: ChainSolution, emf: 'source' | 'amp') => {
        const driving = emf === 'source' ? solution.source.emf : solution.amp!.emf;
        return abs(div(solution.headphones[i]!.loadVoltage, driving)) ** 2;
      };
      const density = hz.map((_, k) => {
        const m = midSolutions.sweep[k]!;
        const s = side.sweep[k]!;
        let n = (sourceNoise * (power(m, 'source') + power(s, 'source'))) / 2;
        if (ampNoise > 0) n += (ampNoise * (power(m, 'amp') + power(s, 'amp'))) / 2;
        return n;
      });
      hiss = hissAtHeadphone(hz, density, sensitivityDbPerVolt(headphone));
    }
    const dbSplA = hiss ? finiteOrNull(hiss.dbSplA) : null;
    const above = hiss ? finiteOrNull(hiss.aboveThresholdDb) : null;
    return {
      impedanceFitErrorDb: fitErrors ? finiteOrNull(fitErrors[i]!) : null,
      hissDbSplA: dbSplA,
      hissAudible: dbSplA === null || above === null ? null : hiss!.audible,
      hissAboveThresholdDb: dbSplA === null ? null : above,
      crosstalkDb: crosstalk ? crosstalk.atReferenceDb : null,
      sharedReturnLossDb: crosstalk ? crosstalk.sharedReturnLossDb : null,
      crosstalk: crosstalk ? crosstalk.response : null,
    };
  });
}

/**
 * "Is this listener's hiss audible, and by how much?" for advice: null when the setup states no
 * noise; otherwise whether it is audible in a quiet room and the loudest critical band's level
 * above the threshold of hearing (negative: below it), dB.
 */
export function hissVerdict(figures: Pick<ListenerGearFigures, 'hissAudible' | 'hissAboveThresholdDb'>): { audible: boolean; aboveThresholdDb: number } | null {
  if (figures.hissAudible === null || figures.hissAboveThresholdDb === null) return null;
  return { audible: figures.hissAudible, aboveThresholdDb: figures.hissAboveThresholdDb };
}
