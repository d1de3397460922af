/**
 * What the listener set (setups, side, listener per side, loudness match, level, calibration),
 * kept while no engine exists yet and handed to it once made, and the rules on what the
 * engine reports that a page must show. No Lit, no DOM, no Web Audio: the app's
 * EngineController holds the engine and the timers; these are its decisions.
 */
import type { Setup } from '../../model/setup.ts';
import type { LoudnessReport, Side, TransportState } from './types.ts';

/** The setups to hear: A and B, or (b null) one chain alone. */
export interface EnginePair {
  a: Setup;
  b: Setup | null;
}

export interface ListeningChoices {
  readonly pair: EnginePair;
  readonly side: Side;
  readonly listeners: Readonly<Record<Side, number>>;
  readonly matchLoudness: boolean;
  readonly listeningLevelDb: number;
  readonly calibrationDbSpl: number;
}

/** The engine's setters the choices drive (the ListeningEngine has them all). */
export interface ChoiceTarget {
  readonly listeningLevelDb: number;
  setPair(a: Setup, b: Setup | null): void;
  setSide(side: Side): void;
  setListener(side: Side, index: number): void;
  setMatchLoudness(on: boolean): void;
  setListeningLevelDb(db: number): void;
  setCalibrationDbSpl(dbSpl: number): void;
}

/** Each side's chosen listener under a new pair: one beyond the new count becomes its last listener. */
export function listenersFor(listeners: Readonly<Record<Side, number>>, pair: EnginePair): Record<Side, number> {
  const last = (setup: Setup | null, index: number) => (setup && index >= setup.headphones.length ? setup.headphones.length - 1 : index);
  return { A: last(pair.a, listeners.A), B: last(pair.b, listeners.B) };
}

/**
 * Hands a just-made engine everything set while its worklets loaded (`made`: what it was made
 * with), so no edit is lost; the side and listeners of a single chain are A's.
 */
export function catchUp(engine: ChoiceTarget, made: Pick<ListeningChoices, 'pair' | 'calibrationDbSpl'>, now: ListeningChoices): void {
  if (now.calibrationDbSpl !== made.calibrationDbSpl) engine.setCalibrationDbSpl(now.calibrationDbSpl);
  if (now.pair.a !== made.pair.a || now.pair.b !== made.pair.b) engine.setPair(now.pair.a, now.pair.b);
  if (engine.listeningLevelDb !== now.listeningLevelDb) engine.setListeningLevelDb(now.listeningLevelDb);
  const sides: readonly Side[] = now.pair.b ? ['A', 'B'] : ['A'];
  for (const side of sides) engine.setListener(side, now.listeners[side]);
  engine.setSide(now.pair.b ? now.side : 'A');
  engine.setMatchLoudness(now.matchLoudness);
}

/** Which listeners clip now, or null when that is what is shown already (one array per change, so views re-render only then). */
export function clippingChange(shown: readonly boolean[], readings: readonly { clipping: boolean }[]): boolean[] | null {
  if (readings.length === shown.length && readings.every((r, i) => r.clipping === shown[i])) return null;
  return readings.map((r) => r.clipping);
}

/** The loudness offset as the page shows it (to 0.1 dB), '' while not matching: the page re-renders only when it changes. */
export function shownOffset(report: LoudnessReport | null): string {
  return report && report.matching && Number.isFinite(report.offsetDb) ? report.offsetDb.toFixed(1) : '';
}

/** A transport change the page shows: everything but the position (which goes to the seek bar alone). */
export function transportShownChange(was: TransportState, now: TransportState): boolean {
  return now.playing !== was.playing || now.loop !== was.loop || now.duration !== was.duration || now.input !== was.input;
}
