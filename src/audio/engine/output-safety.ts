/**
 * Everything between the heard signal and the loudspeakers, in an order no setup can
 * change:
 *
 *   heard bus ─┬─ analyser (scope and spectrum: the simulated signal, clipping and all)
 *              └─ listening level (gain ≤ 0 dB, ramped) ─ headroom-limiter (−1 dBFS brickwall) ─→ destination
 *
 * The limiter is the only node connected to the destination and takes no settings
 * (worklets/processors/limiter-processor.ts), so its ceiling cannot be bypassed. The
 * listening level starts low (−24 dB) and every change is a ramp of LEVEL_RAMP_SECONDS in
 * equal dB steps (exponential), so a big change is as smooth at its start as at its end.
 */
import type { IAnalyserNode, IAudioWorkletNode, IGainNode } from 'standardized-audio-context';
import type { EngineContext } from './context-types.ts';
import { ParamRamp } from './param-ramp.ts';
import { checkNumberInRange, DEFAULT_LISTENING_LEVEL_DB, LISTENING_LEVEL_DB_RANGE } from './ranges.ts';

export const LIMITER_PROCESSOR = 'headroom-limiter';
export const LIMITER_CEILING_DBFS = -1;
/** Level changes glide over 50 ms: no zipper noise, no jump. */
export const LEVEL_RAMP_SECONDS = 0.05;

export class OutputSafety {
  readonly heard: IGainNode<EngineContext>;
  readonly analyser: IAnalyserNode<EngineContext>;
  private readonly level: IGainNode<EngineContext>;
  private readonly levelRamp: ParamRamp;
  private levelDb: number;
  /** Gain reduction of the limiter in its latest report, dB (0: not limiting). */
  limiterReductionDb = 0;

  constructor(
    private readonly context: EngineContext,
    readonly limiter: IAudioWorkletNode<EngineContext>,
    listeningLevelDb = DEFAULT_LISTENING_LEVEL_DB,
  ) {
    this.levelDb = checkNumberInRange('listeningLevelDb', listeningLevelDb, LISTENING_LEVEL_DB_RANGE, 'dB');
    this.heard = context.createGain();
    this.analyser = context.createAnalyser();
    this.analyser.fftSize = 4096;
    this.level = context.createGain();
    this.levelRamp = new ParamRamp(this.level.gain, 10 ** (this.levelDb / 20), true);
    this.heard.connect(this.analyser);
    this.heard.connect(this.level).connect(limiter).connect(context.destination);
    limiter.port.onmessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; reductionDb?: number };
      if (data.type === 'meters' && typeof data.reductionDb === 'number') this.limiterReductionDb = data.reductionDb;
    };
  }

  get listeningLevelDb(): number {
    return this.levelDb;
  }

  setListeningLevelDb(db: number): void {
    this.levelDb = checkNumberInRange('listeningLevelDb', db, LISTENING_LEVEL_DB_RANGE, 'dB');
    this.levelRamp.to(10 ** (db / 20), this.context.currentTime, LEVEL_RAMP_SECONDS);
  }

  dispose(): void {
    this.limiter.port.onmessage = null;
    this.heard.disconnect();
    this.level.disconnect();
    this.limiter.disconnect();
    this.analyser.disconnect();
  }
}
