/**
 * The real `headroom` command in a child process with a time and memory budget: it is
 * killed after `timeoutMs` (and the outcome says so), and its peak resident memory is read
 * from /proc while it runs (Linux; null elsewhere).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Outcome } from './cli.ts';

const BIN = fileURLToPath(new URL('../../bin/headroom.js', import.meta.url));

export interface MeasuredOutcome extends Outcome {
  killed: boolean;
  seconds: number;
  /** Peak resident set (VmHWM) in MB, or null where /proc is not available. */
  peakMb: number | null;
}

function peakKb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function headroomMeasured(args: string[], options: { timeoutMs: number; stdin?: 'ignore' | 'pipe'; feed?: (stdin: NodeJS.WritableStream) => void; env?: Record<string, string> }): Promise<MeasuredOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    let peak: number | null = null;
    let killed = false;
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    if (options.feed && child.stdin) options.feed(child.stdin);
    const poll = setInterval(() => {
      const kb = peakKb(child.pid!);
      if (kb !== null) peak = Math.max(peak ?? 0, kb);
    }, 20);
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr, killed, seconds: (performance.now() - started) / 1000, peakMb: peak === null ? null : peak / 1024 });
    });
  });
}
