/**
 * The "seeing" components of the listening app, registered on import:
 *   <headroom-response-plot>   response 20 Hz–20 kHz of A and B per listener (uPlot)
 *   <headroom-impedance-plot>  |Z| and phase of each headphone (uPlot)
 *   <headroom-circuit>         SVG circuit diagram with live values
 *   <headroom-level-meter>     peak/RMS meter with peak hold and a latching clip light
 *   <headroom-scope>           oscilloscope of an AnalyserNode, zero-crossing trigger
 *   <headroom-spectrum>        spectrum analyser with harmonic markers
 */
import './headroom-circuit.ts';
import './headroom-impedance-plot.ts';
import './headroom-level-meter.ts';
import './headroom-response-plot.ts';
import './headroom-scope.ts';
import './headroom-spectrum.ts';

export type { AnalyserLike } from './analyser-view.ts';
export type { HeadroomCircuit } from './headroom-circuit.ts';
export type { HeadroomImpedancePlot, NamedHeadphone } from './headroom-impedance-plot.ts';
export type { HeadroomLevelMeter } from './headroom-level-meter.ts';
export type { HeadroomResponsePlot, ResponseCurve, ResponseModeChangeEvent } from './headroom-response-plot.ts';
export type { HeadroomScope } from './headroom-scope.ts';
export type { HeadroomSpectrum } from './headroom-spectrum.ts';
export type { ResponseMode } from './plot-data.ts';
