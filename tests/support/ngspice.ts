/** Shared by the tests that read recorded ngspice results (tests/fixtures/ngspice/). */
import { readdirSync } from 'node:fs';
import { argDeg, type Complex } from '../../src/model/complex.ts';

/** The phase of a relative to b in degrees, wrapped into (−180°, 180°]. */
export function phaseDifferenceDeg(a: Complex, b: Complex): number {
  const d = (((argDeg(a) - argDeg(b)) % 360) + 360) % 360;
  return d > 180 ? d - 360 : d;
}

/** The stems of the recorded results in `folder` whose names end with `suffix`, sorted. */
export function recordedStems(folder: URL, suffix: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(suffix))
    .map((name) => name.slice(0, -suffix.length))
    .sort();
}
