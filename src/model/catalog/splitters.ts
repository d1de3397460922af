/** Passive Y splitters: one output shared by several listeners, series resistance per branch. */
import type { CatalogSplitter } from './citations.ts';

export const splitters: readonly CatalogSplitter[] = [
  {
    id: 'passive-y-splitter-3-5mm',
    kind: 'passive-y',
    notes: 'A typical 3.5 mm Y cable with 15 cm branches. No amplification: every listener shares the source\'s voltage and current.',
    part: { cableResistanceOhms: 0.064 },
    citations: [
      {
        field: 'cableResistanceOhms',
        source: 'Wire-gauge calculation (AWG definition; annealed copper resistivity 1.724e-8 Ω·m, IEC 60028)',
        kind: 'estimate',
        reasoning: 'Assumed 28 AWG conductors (0.0810 mm², 0.213 Ω/m) and 0.15 m branches; the branch current flows out on the signal wire and back on the return: 2 × 0.15 m × 0.213 Ω/m = 0.064 Ω. Plug contact resistance is not included.',
      },
    ],
  },
];
