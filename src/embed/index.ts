/**
 * The embed entry: load it with a module script and use <headroom-sim> anywhere on the page
 * (docs/embedding.md). The build names its chunk assets/headroom-sim.js (vite.config.ts).
 */
import '../zod-without-eval.ts';
import './headroom-sim.ts';

export { HeadroomSim, resolveSimSetup, type SimSetup } from './headroom-sim.ts';
