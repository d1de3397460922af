/**
 * Argument checks shared by the engine: a bad value throws a RangeError that names the
 * field and the allowed range and shows the value; nothing is ever clamped, so a caller's
 * bug shows up at once instead of as a quietly different sound.
 */

/** Listening level: ≤ 0 dB (the chain's acoustic level is the loudest the engine plays), ≥ −80 dB. */
export const LISTENING_LEVEL_DB_RANGE = { min: -80, max: 0 } as const;
/** Start low: the first sound after a click must not be a shock (−24 dB ≈ 1/16 of full level). */
export const DEFAULT_LISTENING_LEVEL_DB = -24;
/** Calibration: the SPL that a 0 dBFS sine at the chain's output stands for. */
export const CALIBRATION_DB_SPL_RANGE = { min: 60, max: 160 } as const;

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
}

export function checkNumberInRange(field: string, value: unknown, range: { min: number; max: number }, unit = ''): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max) {
    const u = unit ? ` ${unit}` : '';
    throw new RangeError(`${field} must be from ${range.min} to ${range.max}${u} (got ${show(value)})`);
  }
  return value;
}

export function checkListenerIndex(side: string, index: unknown, count: number): number {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`listener index for side ${side} must be an integer from 0 to ${count - 1} (got ${show(index)})`);
  }
  return index;
}

export function checkSide(side: unknown): 'A' | 'B' {
  if (side !== 'A' && side !== 'B') throw new RangeError(`side must be 'A' or 'B' (got ${show(side)})`);
  return side;
}

export function checkMaterial(material: unknown): void {
  const m = material as { channels?: unknown; sampleRate?: unknown; name?: unknown } | null;
  if (typeof m !== 'object' || m === null) throw new RangeError(`material must be { channels, sampleRate, name } (got ${show(material)})`);
  if (!Array.isArray(m.channels) || m.channels.length < 1 || m.channels.length > 2 || !m.channels.every((c) => c instanceof Float32Array)) {
    throw new RangeError(`material.channels must be 1 or 2 Float32Arrays (got ${Array.isArray(m.channels) ? `${m.channels.length} entries` : show(m.channels)})`);
  }
  const channels = m.channels as Float32Array[];
  const frames = channels[0]!.length;
  if (frames < 1) throw new RangeError('material.channels must hold at least 1 sample (got 0)');
  if (channels.some((c) => c.length !== frames)) throw new RangeError(`material.channels must have equal lengths (got ${channels.map((c) => c.length).join(' and ')})`);
  // AudioBuffer's guaranteed range (Web Audio API: 8 kHz to 96 kHz at least; Chromium allows 3 kHz–768 kHz).
  checkNumberInRange('material.sampleRate', m.sampleRate, { min: 3000, max: 768_000 }, 'Hz');
}
