/** Blind ABX: the session, the run as the panel shows it, statistics and export. Pure: no DOM, no audio. */
export * from './session.ts';
export * from './statistics.ts';
export * from './random.ts';
export * from './export.ts';
export * from './run.ts';
export * from './result-text.ts';
