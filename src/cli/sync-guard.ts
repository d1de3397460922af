/**
 * A guard for synchronous work that might never return (a process() call stuck in a loop):
 * a small worker thread watches a shared flag, and when the main thread has been inside a
 * guarded section for longer than the limit, it stops the main thread's running JavaScript
 * through the inspector protocol (Runtime.terminateExecution, what vm's timeout does
 * internally) and tells the main thread, whose event loop goes on and reports the stall.
 *
 * Entering and leaving a section are two Atomics stores: nothing per block. (vm's own
 * timeout starts and joins a thread per call; around each chunk of blocks that cost the
 * direct host a third more CPU time on this busy machine: docs/decisions.md, "A direct host
 * for offline renders".) Where the inspector is missing (a Node built without it) the guard
 * is simply absent and the renderer's progress watchdog is the only one; so it is off a
 * worker thread, where the inspector would stop the process's main thread instead.
 */
import { isMainThread, Worker } from 'node:worker_threads';

const IDLE = 0;
const INSIDE = 1;
const FIRED = 2;

/** The watcher: polls the flag; on a section overrunning its limit, terminates the main thread's current script once. */
const WATCHER = `
const { parentPort, workerData } = require('node:worker_threads');
const inspector = require('node:inspector');
const { flag, limitMs } = workerData;
const session = new inspector.Session();
session.connectToMainThread();
let entered = 0;
let seen = -1;
setInterval(() => {
  const state = Atomics.load(flag, 0);
  const section = Atomics.load(flag, 1);
  if (state !== ${INSIDE}) { seen = -1; return; }
  if (section !== seen) { seen = section; entered = Date.now(); return; }
  if (Date.now() - entered < limitMs) return;
  Atomics.store(flag, 0, ${FIRED});
  session.post('Runtime.terminateExecution');
  parentPort.postMessage('fired');
}, Math.max(10, Math.min(250, limitMs / 10)));
`;

export class SyncGuard {
  private constructor(
    private readonly worker: Worker,
    private readonly flag: Int32Array,
  ) {}

  /**
   * Starts the watcher on its own thread and returns at once: the render need not wait for
   * it (a worker takes some 30 ms to boot, on the other core). A section entered before it is
   * ready is timed from when it looks. Null where it cannot run. `onFired` is called on the
   * main thread after a section was stopped.
   */
  static start(limitSeconds: number, onFired: () => void): SyncGuard | null {
    // The inspector reaches the process's main thread only: from any other thread it would stop the wrong one.
    if (!isMainThread) return null;
    const flag = new Int32Array(new SharedArrayBuffer(8));
    let worker: Worker;
    try {
      worker = new Worker(WATCHER, { eval: true, workerData: { flag, limitMs: limitSeconds * 1000 } });
    } catch {
      return null;
    }
    worker.on('message', (message) => {
      if (message === 'fired') onFired();
    });
    // No inspector in this Node: the guard is simply not there.
    worker.on('error', () => undefined);
    // It must never keep the process alive.
    worker.unref();
    return new SyncGuard(worker, flag);
  }

  /** Marks the start of a guarded section (each section gets its own number, so back-to-back sections are told apart). */
  enter(): void {
    Atomics.add(this.flag, 1, 1);
    Atomics.store(this.flag, 0, INSIDE);
  }

  leave(): void {
    Atomics.compareExchange(this.flag, 0, INSIDE, IDLE);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
