/** Blind ABX: session state, statistics and export. Pure: no DOM, no audio. */
export * from './session.ts';
export * from './statistics.ts';
export * from './random.ts';
export * from './export.ts';
