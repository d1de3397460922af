/**
 * Fits the single-resonance network Re + sLe + (Rm ‖ Lm ‖ Cm) to the measured |Z| points of
 * every headphone in src/model/catalog/data/headphones.json that has a `fit` (docs/catalog.md,
 * "Impedance networks from a few measured points"):
 *   - the resonance sits at the measured peak: Lm·Cm = 1/(2π·peakHz)²;
 *   - Re, Rm and Lm (and Le when a point above 5 kHz says how far |Z| rises) minimise the
 *     squared error of log|Z| over the points (Nelder–Mead on the logarithms of the parameters);
 *   - the parameters are rounded to 4 significant digits.
 * tests/model/catalog.test.ts re-checks every fit against its points (within 1 %).
 *
 *   npx tsx scripts/fit-impedance-networks.ts           # print each fit and its worst error
 *   npx tsx scripts/fit-impedance-networks.ts --write   # also store the networks in the data file
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { abs } from '../src/model/complex.ts';
import { networkImpedanceAt } from '../src/model/impedance.ts';
import type { ImpedanceNetwork } from '../src/model/setup.ts';

const FILE = new URL('../src/model/catalog/data/headphones.json', import.meta.url);
/** Above this a measured point constrains the coil inductance Le. */
const LE_FROM_HZ = 5000;

interface Fit {
  points: [number, number][];
  peakHz: number;
}

const round4 = (x: number): number => Number(x.toPrecision(4));

function network(params: readonly number[], peakHz: number, withLe: boolean): ImpedanceNetwork {
  const [re, rm, lm, le] = params.map(Math.exp) as [number, number, number, number];
  const omega = 2 * Math.PI * peakHz;
  return { reOhms: re, leMh: withLe ? le * 1e3 : 0, motional: { rOhms: rm, lMh: lm * 1e3, cUf: (1 / (omega * omega * lm)) * 1e6 } };
}

function cost(n: ImpedanceNetwork, points: readonly [number, number][]): number {
  return points.reduce((sum, [hz, ohms]) => sum + Math.log(abs(networkImpedanceAt(n, hz)) / ohms) ** 2, 0);
}

/** Plain Nelder–Mead: enough for 3–4 smooth parameters. */
function minimise(f: (x: number[]) => number, start: number[], step = 0.5, iterations = 20_000): number[] {
  const dims = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x, y: f(x) }));
  for (let k = 0; k < iterations; k++) {
    simplex.sort((a, b) => a.y - b.y);
    const best = simplex[0]!;
    const worst = simplex[dims]!;
    if (worst.y - best.y < 1e-16) break;
    const centroid = start.map((_, j) => simplex.slice(0, dims).reduce((s, p) => s + p.x[j]!, 0) / dims);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const reflected = { x: along(-1), y: 0 };
    reflected.y = f(reflected.x);
    if (reflected.y < best.y) {
      const expanded = { x: along(-2), y: 0 };
      expanded.y = f(expanded.x);
      simplex[dims] = expanded.y < reflected.y ? expanded : reflected;
    } else if (reflected.y < simplex[dims - 1]!.y) {
      simplex[dims] = reflected;
    } else {
      const contracted = { x: along(0.5), y: 0 };
      contracted.y = f(contracted.x);
      if (contracted.y < worst.y) simplex[dims] = contracted;
      else simplex = simplex.map((p) => (p === best ? p : { x: p.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!)), y: 0 })).map((p) => ({ x: p.x, y: f(p.x) }));
    }
  }
  return simplex.sort((a, b) => a.y - b.y)[0]!.x;
}

export function fitNetwork(fit: Fit): { network: ImpedanceNetwork; worstError: number } {
  const withLe = fit.points.some(([hz]) => hz > LE_FROM_HZ);
  const lowest = Math.min(...fit.points.map(([, ohms]) => ohms));
  const peak = fit.points.reduce((a, b) => (b[1] > a[1] ? b : a))[1];
  const omega = 2 * Math.PI * fit.peakHz;
  // Start: Re at the lowest |Z|, Rm the rest of the peak, a resonance of Q = 2, Le of 0.5 mH.
  const rm0 = Math.max(peak - lowest, 1);
  const start = [Math.log(lowest), Math.log(rm0), Math.log(rm0 / (2 * omega)), Math.log(0.5e-3)];
  const params = start.slice(0, withLe ? 4 : 3);
  const best = minimise((x) => cost(network([...x, Math.log(1e-9)], fit.peakHz, withLe), fit.points), params);
  const raw = network([...best, Math.log(1e-9)], fit.peakHz, withLe);
  const rounded: ImpedanceNetwork = {
    reOhms: round4(raw.reOhms),
    leMh: round4(raw.leMh),
    motional: { rOhms: round4(raw.motional!.rOhms), lMh: round4(raw.motional!.lMh), cUf: round4(raw.motional!.cUf) },
  };
  const worstError = Math.max(...fit.points.map(([hz, ohms]) => Math.abs(abs(networkImpedanceAt(rounded, hz)) / ohms - 1)));
  return { network: rounded, worstError };
}

/** The data file's layout: one entry per block, one field per line, alternatives one per line. */
export function formatCatalogJson(entries: readonly Record<string, unknown>[]): string {
  const block = (entry: Record<string, unknown>) =>
    `  {\n${Object.entries(entry)
      .map(([key, value]) =>
        Array.isArray(value) && key === 'alternatives'
          ? `    ${JSON.stringify(key)}: [\n${value.map((v) => `      ${JSON.stringify(v)}`).join(',\n')}\n    ]`
          : `    ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
      )
      .join(',\n')}\n  }`;
  return `[\n${entries.map(block).join(',\n')}\n]\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = JSON.parse(readFileSync(FILE, 'utf8')) as { id: string; fit?: Fit; part: { impedance: { network?: ImpedanceNetwork } } }[];
  for (const entry of entries) {
    if (!entry.fit) continue;
    const { network: fitted, worstError } = fitNetwork(entry.fit);
    console.log(`${entry.id}: ${JSON.stringify(fitted)}  worst |Z| error ${(worstError * 100).toFixed(2)} %`);
    entry.part.impedance = { network: fitted };
  }
  if (process.argv.includes('--write')) writeFileSync(FILE, formatCatalogJson(entries as unknown as Record<string, unknown>[]));
}
