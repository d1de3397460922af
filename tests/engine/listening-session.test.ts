/**
 * The listening session's decisions in Node, with an engine double that records what it is
 * told: nothing set while the worklets load is lost, an engine made for a page that left is
 * let go, and every failure is shown in words while what played stays.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ListeningEngineOptions } from '../../src/audio/engine/listening-engine.ts';
import { ListeningSession, type SessionEngine, type SessionParts } from '../../src/audio/engine/listening-session.ts';
import type { Side, SourceMaterial, TransportState } from '../../src/audio/engine/types.ts';
import type { Setup } from '../../src/model/setup.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

const material = (name: string): SourceMaterial => ({ channels: [new Float32Array(48)], sampleRate: 48_000, name });

/** An engine that records what it is told; `refuse` makes a setter throw as a processor's refusal does. */
class EngineDouble {
  readonly calls: string[] = [];
  readonly context = { sampleRate: 48_000 };
  listeningLevelDb = -24;
  playing = false;
  material: SourceMaterial | null = null;
  loop = true;
  position = 0;
  analyser = null as unknown as SessionEngine['analyser'];
  disposed = false;
  refuse = '';
  decodeError = '';
  get transportState(): TransportState {
    return { playing: this.playing, loop: this.loop, position: 0, duration: this.material ? 1 : 0, input: this.material ? 'material' : 'none' };
  }
  private record(call: string): void {
    if (this.refuse && call.startsWith(this.refuse)) throw new RangeError(`refused: ${call}`);
    this.calls.push(call);
  }
  setPair(a: Setup, b: Setup | null): void {
    this.record(`pair ${a.headphones[0]!.name}/${b?.headphones[0]!.name ?? '-'}`);
  }
  setSide(side: Side): void {
    this.record(`side ${side}`);
  }
  setListener(side: Side, index: number): void {
    this.record(`listener ${side} ${index}`);
  }
  setMatchLoudness(on: boolean): void {
    this.record(`match ${on}`);
  }
  setListeningLevelDb(db: number): void {
    this.record(`level ${db}`);
  }
  setCalibrationDbSpl(dbSpl: number): void {
    this.record(`calibration ${dbSpl}`);
  }
  async start(): Promise<void> {}
  async suspend(): Promise<void> {}
  play(): void {
    this.playing = true;
  }
  pause(): void {
    this.playing = false;
  }
  seek(): void {}
  setLoopRegion(): void {}
  setMaterial(next: SourceMaterial): void {
    this.material = next;
  }
  async useMicrophone(): Promise<{ message: string }> {
    return { message: '' };
  }
  async decodeFile(_data: ArrayBuffer, name: string): Promise<SourceMaterial> {
    if (this.decodeError) throw new Error(this.decodeError);
    return material(name);
  }
  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

/** Engines made on request: each `create` waits until the test lets it finish (or fail). */
function parts() {
  const made: { options: ListeningEngineOptions; finish: () => EngineDouble; fail: (error: Error) => void }[] = [];
  const prepared: string[] = [];
  const value: SessionParts = {
    create: (options) =>
      new Promise((resolve, reject) => {
        made.push({
          options,
          finish: () => {
            const engine = new EngineDouble();
            resolve(engine as unknown as SessionEngine);
            return engine;
          },
          fail: reject,
        });
      }),
    loadBuiltIn: async (choice) => material(choice.kind),
    readyBuiltIn: () => null,
    prepareBuiltIn: (choice) => prepared.push(choice.kind),
  };
  return { value, made, prepared };
}

const named = (name: string): Setup => setup({ headphones: [resistiveHeadphone(32, name)] });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

class CountingSession extends ListeningSession {
  changes = 0;
  protected override changed(): void {
    this.changes += 1;
  }
}

const sessions: ListeningSession[] = [];
function session(p = parts()) {
  const s = new CountingSession({ a: named('a'), b: named('b') }, p.value);
  sessions.push(s);
  return { s, p };
}
/** A session whose engine was made by choosing pink noise. */
async function playingPink() {
  const { s, p } = session();
  const choosing = s.choose({ kind: 'pink' });
  await flush(); // a choice waits for the ones before it
  const engine = p.made[0]!.finish();
  await choosing;
  return { s, engine };
}
afterEach(() => {
  for (const s of sessions.splice(0)) s.close();
});

describe('an engine being made while the listener keeps setting things', () => {
  it('gets the setups edited while its worklets loaded, and the side, listener and level set meanwhile', async () => {
    const { s, p } = session();
    const preparing = s.prepare();
    s.setPair(named('edited'), named('b'));
    s.setSide('B');
    s.setListeningLevel(-30);
    const engine = p.made[0]!.finish();
    await preparing;
    expect(p.made[0]!.options.a.headphones[0]!.name).toBe('a');
    expect(engine.calls).toEqual(['pair edited/b', 'level -30', 'listener A 0', 'listener B 0', 'side B', 'match false']);
    expect(engine.material?.name).toBe('demo');
  });

  it('made for a page that left meanwhile is disposed, and the session holds no engine', async () => {
    const { s, p } = session();
    const preparing = s.prepare();
    s.close();
    const engine = p.made[0]!.finish();
    await preparing;
    expect(engine.disposed).toBe(true);
    expect(s.started).toBe(false);
  });

  it('is made once however many ask for it at the same time', async () => {
    const { s, p } = session();
    const playing = s.togglePlay(true);
    const choosing = s.choose({ kind: 'pink' });
    expect(p.made).toHaveLength(1);
    const engine = p.made[0]!.finish();
    await Promise.all([playing, choosing]);
    expect(engine.playing).toBe(true);
    expect(engine.material?.name).toBe('pink');
  });
});

describe('audio that cannot start', () => {
  it('says so when Play asked, and the next Play tries again', async () => {
    const { s, p } = session();
    const playing = s.togglePlay(true);
    p.made[0]!.fail(new Error('no audio device'));
    await playing;
    expect(s.error).toBe('Audio could not start: no audio device');
    const again = s.togglePlay(true);
    expect(p.made).toHaveLength(2);
    p.made[1]!.finish();
    await again;
    expect(s.started).toBe(true);
  });

  it('is not shown when only the idle warm-up failed; the demo track is prepared without an engine', async () => {
    const { s, p } = session();
    const preparing = s.prepare();
    p.made[0]!.fail(new Error('not allowed'));
    await preparing;
    expect(s.error).toBe('');
    expect(p.prepared).toEqual(['demo']);
  });
});

describe('a choice that fails', () => {
  it('shows the decoder’s message and keeps the material that was loaded, and the kind it was', async () => {
    const { s, engine } = await playingPink();
    engine.decodeError = 'Cannot decode "x.wav"';
    await s.choose({ kind: 'file', file: new File([new Uint8Array(4)], 'x.wav') });
    expect(s.source).toEqual({ kind: 'pink', name: 'pink', busy: false, error: 'Cannot decode "x.wav"', warning: '' });
    expect(engine.material?.name).toBe('pink');
  });
});

describe('a change the engine refuses', () => {
  it('becomes the error shown, and what the user set is kept', async () => {
    const { s, engine } = await playingPink();
    engine.refuse = 'side';
    s.setSide('B');
    expect(s.error).toBe('refused: side B');
    expect(s.side).toBe('B');
  });
});

describe('what the page is told', () => {
  it('a warning of the same kind again is not shown again; another kind is', async () => {
    const { s, p } = session();
    const preparing = s.prepare();
    p.made[0]!.finish();
    await preparing;
    const { onWarning } = p.made[0]!.options;
    const before = s.changes;
    onWarning?.({ kind: 'loud', message: 'loud' });
    onWarning?.({ kind: 'loud', message: 'loud again' });
    expect(s.warning?.message).toBe('loud');
    onWarning?.({ kind: 'feedback', message: 'feedback' });
    expect(s.warning?.message).toBe('feedback');
    expect(s.changes - before).toBe(2);
    await flush();
  });
});
