/** Runs alloc-probe.ts in a fresh Node process (see there why) and returns its heap growth in bytes. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./alloc-probe.ts', import.meta.url));

export function probeAllocation(kind: 'three-nodes' | 'chain-node' | 'chain-node-gear' | 'chain-node-rail'): number {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', script, kind], { encoding: 'utf8', timeout: 120_000 });
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as { growthBytes: number };
  return result.growthBytes;
}
