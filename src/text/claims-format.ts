/** How a claim's numbers and verdicts are written (<headroom-claims>): display only. */
import type { ClaimNumber, Verdict } from '../teach/claims/index.ts';
import { formatDb, formatSignedDb, NBSP, number, trim } from './format.ts';

export function formatClaimNumber({ value, unit }: ClaimNumber): string {
  switch (unit) {
    case 'dB':
      return formatSignedDb(value, 2);
    case 'dB SPL':
      return `${formatDb(value)} SPL`;
    case 'dB SPL(A)':
      return `${formatDb(value)} SPL(A)`;
    case 'dBFS':
      return `${number(value, 1)}${NBSP}dBFS`;
    case 'Ω':
      return value >= 1000 ? `${trim(value / 1000)}${NBSP}kΩ` : `${value >= 100 ? number(value, 0) : value >= 10 ? number(value, 1) : number(value, 2)}${NBSP}Ω`;
    case '×':
      return `${number(value, 3)}×`;
    case '':
      return trim(value);
    default:
      return `${trim(value)}${NBSP}${unit}`;
  }
}

export const VERDICT_TEXT: Record<Verdict, string> = { true: 'True', false: 'False', depends: 'Depends' };
