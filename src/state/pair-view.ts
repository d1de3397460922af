/**
 * What the app shows of the pair that plays, worked out once per pair and target: each side's
 * report (or why the model could not compute it), the curves and the distinct headphones the
 * plots draw, and each side's listener names. The same arrays stay until the pair changes, so
 * the views given them are left alone.
 */
import { presets } from '../model/catalog/presets.ts';
import { buildReport } from '../model/report.ts';
import type { Advice, Report } from '../model/report-contract.ts';
import type { Headphone, Setup } from '../model/setup.ts';
import type { SetupPair } from './setup-pair.ts';

export type Computed = { ok: true; report: Report } | { ok: false; message: string };

export interface PairView {
  reports: Record<'A' | 'B', Computed>;
  curves: { label: string; setup: Setup }[];
  /** Each headphone once (by name), A's first. */
  headphones: { name: string; headphone: Headphone }[];
  names: Record<'A' | 'B', string[]>;
}

export function computeReport(setup: Setup, targetSplDb: number): Computed {
  try {
    return { ok: true, report: buildReport(setup, { targetSplDb }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function pairView(pair: SetupPair, targetSplDb: number): PairView {
  const headphones = [...pair.a.headphones, ...pair.b.headphones];
  return {
    reports: { A: computeReport(pair.a, targetSplDb), B: computeReport(pair.b, targetSplDb) },
    curves: [
      { label: 'A', setup: pair.a },
      { label: 'B', setup: pair.b },
    ],
    headphones: headphones.filter((h, i) => headphones.findIndex((o) => o.name === h.name) === i).map((headphone) => ({ name: headphone.name, headphone })),
    names: { A: pair.a.headphones.map((h) => h.name), B: pair.b.headphones.map((h) => h.name) },
  };
}

/** The model's advice for `listener`, if the model computed the setup. */
export function adviceOf(computed: Computed, listener: number): Advice | null {
  return computed.ok ? (computed.report.headphones[listener]?.advice ?? null) : null;
}

const presetJson = new Map(presets.map((p) => [JSON.stringify(p.setup), p.story]));
const stories = new WeakMap<Setup, string>();
/** The preset's one-line story when the setup is a preset's own setup, else '' (worked out once per setup). */
export function storyOf(setup: Setup): string {
  let story = stories.get(setup);
  if (story === undefined) stories.set(setup, (story = presetJson.get(JSON.stringify(setup)) ?? ''));
  return story;
}

/** A rendered listener's WAV file name: side, listener number from 1, and the name in letters, digits, '.', '_' and '-' only. */
export function wavFileName(side: 'A' | 'B', index: number, name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'listener';
  return `${side.toLowerCase()}-${index + 1}-${safe}.wav`;
}
