/**
 * A one-line description of a setup for the A/B buttons, the plots and the ABX labels:
 * "Nexus 5X → Magni 2 → HD 600" or "Laptop → 2 listeners". Display only.
 */
import type { Setup } from '../model/setup.ts';

export function describeSetup(setup: Setup): string {
  const parts = [setup.source.name];
  if (setup.amp) parts.push(setup.amp.name);
  const listeners = setup.headphones;
  parts.push(listeners.length === 1 ? listeners[0]!.name : `${listeners.length} listeners`);
  return parts.join(' → ');
}
