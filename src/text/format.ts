/**
 * How the page writes numbers: sensible precision, real units, a true minus sign.
 * Display only — every value comes from the model's report or the setup as it is.
 */

export const MINUS = '\u2212';
/** Narrow no-break space between a number and its unit, so "93.0 dB" never wraps apart. */
export const NBSP = '\u202f';

function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  // -0.0 reads as a change; show it as 0.0.
  const isZero = Number(text) === 0;
  return (isZero ? text.replace('-', '') : text).replace('-', MINUS);
}

/**
 * A number with a true minus sign: −3.2, 0.5. With `digits`, fixed to that many (−0.0 shows
 * as 0.0); without, as JavaScript writes it (a tick value: −20, 0.25). A level of silence
 * (−Infinity, or NaN from an empty buffer) is −∞.
 */
export function number(value: number, digits?: number): string {
  if (value !== Infinity && !Number.isFinite(value)) return `${MINUS}∞`;
  return digits === undefined ? String(value).replace('-', MINUS) : fixed(value, digits);
}

/** +1.5, −6.0, 0.0 */
export function signed(value: number, digits = 1): string {
  const text = fixed(value, digits);
  return Number(value.toFixed(digits)) > 0 ? `+${text}` : text;
}

/** 0.63 V, 2.45 V, 12.3 V, 48.2 mV, 0.85 mV */
export function formatVrms(vrms: number): string {
  if (vrms >= 10) return `${fixed(vrms, 1)}${NBSP}V`;
  if (vrms >= 0.1) return `${fixed(vrms, 2)}${NBSP}V`;
  const mv = vrms * 1000;
  return `${fixed(mv, mv >= 1 ? 1 : 2)}${NBSP}mV`;
}

/** 1.3 mW, 25.4 mW, 312 mW, 1.25 W, 0.05 mW, 3.2 µW */
export function formatMw(mw: number): string {
  if (mw >= 1000) return `${fixed(mw / 1000, 2)}${NBSP}W`;
  if (mw >= 100) return `${fixed(mw, 0)}${NBSP}mW`;
  if (mw >= 1) return `${fixed(mw, 1)}${NBSP}mW`;
  if (mw >= 0.01) return `${fixed(mw, 2)}${NBSP}mW`;
  return `${fixed(mw * 1000, 1)}${NBSP}µW`;
}

/** 93.0 dB */
export function formatDb(db: number, digits = 1): string {
  return `${fixed(db, digits)}${NBSP}dB`;
}

/** +1.5 dB, −6.0 dB */
export function formatSignedDb(db: number, digits = 1): string {
  return `${signed(db, digits)}${NBSP}dB`;
}

/** −3.2 dBFS */
export function formatDbfs(dbfs: number): string {
  return `${fixed(dbfs, 1)}${NBSP}dBFS`;
}

/** 20 Hz, 156 Hz, 1 kHz, 2.5 kHz, 20 kHz */
export function formatHz(hz: number): string {
  if (hz >= 1000) {
    const khz = hz / 1000;
    const digits = khz >= 10 ? 0 : Number.isInteger(Number(khz.toFixed(1))) ? 0 : 1;
    return `${khz.toFixed(digits)}${NBSP}kHz`;
  }
  return `${hz.toFixed(0)}${NBSP}Hz`;
}

/** 0.5 Ω, 2 Ω, 300 Ω, 10 kΩ — the setup's own values, trimmed of trailing zeros. */
export function formatOhms(ohms: number): string {
  if (ohms >= 1000) return `${trim(ohms / 1000)}${NBSP}kΩ`;
  return `${trim(ohms)}${NBSP}Ω`;
}

/** A setup value as written, without float noise: 0.05, 2, 97.5 */
export function trim(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A value with its unit, trimmed: 250 mA, 220 µF */
export function withUnit(value: number, unit: string): string {
  return `${trim(value)}${NBSP}${unit}`;
}
