/**
 * `headroom` against files made by a hostile author, through the real bin in a child process,
 * each run within a time and memory budget (tests/support/measured-child.ts): escape
 * sequences in names, field names and paths; endless streams (a FIFO, /dev/zero, stdin); an
 * oversized or sparse 200 MB setup; bad `-o` targets; byte-order marks and UTF-16. Every
 * refusal is exit 2 with one line on stderr and nothing raw from the file on the terminal.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPair } from '../../src/state/setup-pair.ts';
import { pcm16, sine, wavBytes } from '../support/bad-audio-files.ts';
import { expectOneLineError } from '../support/cli.ts';
import { headroomMeasured, type MeasuredOutcome } from '../support/measured-child.ts';
import { resistiveHeadphone, setup } from '../support/setups.ts';

/** A refusal needs no render: tsx starts in about a second here; 30 s allows a loaded 2-core machine. */
const TIMEOUT_MS = 30_000;
/**
 * Node, tsx and the CLI take about 100 MB here. Reading a 200 MB file, or buffering an endless
 * stream for even a few seconds, would go far past this.
 */
const MEMORY_BUDGET_MB = 250;
/** node-web-audio-api's worklet thread stalls when both cores are busy (over 30 s measured for 0.1 s of audio). */
const WEB_AUDIO_TIMEOUT_MS = 120_000;
const ESC = '\u001b';

let dir: string;

async function expectWithinBudget(outcome: MeasuredOutcome): Promise<void> {
  expect(outcome.killed, `killed: ${outcome.stderr}`).toBe(false);
  if (outcome.peakMb !== null) expect(outcome.peakMb).toBeLessThan(MEMORY_BUDGET_MB);
}

/** Nothing that acts on a terminal reaches it: no ESC, CR, BEL or C1 control on either stream. */
function expectNothingRaw(outcome: MeasuredOutcome): void {
  const raw = [...`${outcome.stdout}${outcome.stderr}`].filter((ch) => ch !== '\n' && /\p{Cc}/u.test(ch));
  expect(raw).toEqual([]);
}

const run = (args: string[], options: Partial<Parameters<typeof headroomMeasured>[1]> = {}) => headroomMeasured(args, { timeoutMs: TIMEOUT_MS, ...options });

/** Writes `head` then `body` over and over into a FIFO until the reader goes away; returns a stop function. */
function endlessWriter(fifo: string, head: Uint8Array, body: Uint8Array): () => void {
  const stream = createWriteStream(fifo);
  let stopped = false;
  const stop = () => {
    stopped = true;
    stream.destroy();
  };
  stream.on('error', stop);
  const pump = () => {
    while (!stopped && stream.write(body));
  };
  stream.write(head);
  stream.on('drain', pump);
  pump();
  return stop;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'headroom-hostile-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('text from files reaches the terminal escaped', () => {
  it('a headphone name holding an escape sequence and CR/LF is refused in one line, shown escaped', async () => {
    const file = join(dir, 'title.json');
    await writeFile(file, JSON.stringify(setup({ headphones: [resistiveHeadphone(32, `${ESC}]0;pwned\u0007${ESC}[2J\r\n2  forged`)] })));
    const outcome = await run(['report', file]);
    await expectWithinBudget(outcome);
    expectOneLineError(outcome, /headphones\[0\]\.name must not contain control characters .* \(got "\\u001b\]0;pwned\\u0007\\u001b\[2J\\r\\n2 {2}forged"\)$/);
    expectNothingRaw(outcome);
  }, TIMEOUT_MS + 10_000);

  it('unknown field names with escape sequences and line breaks stay one escaped line', async () => {
    const file = join(dir, 'fields.json');
    await writeFile(file, JSON.stringify({ ...setup(), [`${ESC}[31mred`]: 1, 'a\nheadroom: forged line': 2 }));
    const outcome = await run(['report', file]);
    await expectWithinBudget(outcome);
    expectOneLineError(outcome, /setup has unknown fields "\\u001b\[31mred", "a\\u000aheadroom: forged line"$/);
    expectNothingRaw(outcome);
  }, TIMEOUT_MS + 10_000);

  it('a path with control characters in it is printed escaped', async () => {
    const outcome = await run(['report', join(dir, `no${ESC}[2Jsuch\n.json`)]);
    await expectWithinBudget(outcome);
    expectOneLineError(outcome, /no\\u001b\[2Jsuch\\u000a\.json: no such file$/);
    expectNothingRaw(outcome);
  }, TIMEOUT_MS + 10_000);
});

describe('endless and huge inputs end in one line, in bounded time and memory', () => {
  it('a 3 MB setup file is refused before it is read; a sparse 200 MB one too', async () => {
    const big = join(dir, 'big.json');
    await writeFile(big, `{"format":"headroom/setup@1","pad":"${'x'.repeat(3_000_000)}"}`);
    const outcome = await run(['report', big]);
    await expectWithinBudget(outcome);
    expectOneLineError(outcome, /big\.json: file is too large \(300\d{4} bytes; a setup file is at most 2000000 bytes\)$/);
    const sparse = join(dir, 'sparse.json');
    await writeFile(sparse, '');
    await truncate(sparse, 200_000_000);
    const huge = await run(['report', sparse]);
    await expectWithinBudget(huge);
    expectOneLineError(huge, /sparse\.json: file is too large \(200000000 bytes; a setup file is at most 2000000 bytes\)$/);
  }, 2 * TIMEOUT_MS + 10_000);

  it('/dev/zero as the setup stops at the 2 MB limit; as the audio it is not a WAV file', async () => {
    const setupOutcome = await run(['report', '/dev/zero']);
    await expectWithinBudget(setupOutcome);
    expectOneLineError(setupOutcome, /\/dev\/zero: file is too large \(more than 2000000 bytes; a setup file is at most 2000000 bytes\)$/);
    const audio = await run(['render', '--preset', 'phone-hd600', '/dev/zero', '-o', join(dir, 'out-zero')]);
    await expectWithinBudget(audio);
    expectOneLineError(audio, /\/dev\/zero: not a readable WAV file \(starts with "\?\?\?\?", expected "RIFF"\)$/);
  }, 2 * TIMEOUT_MS + 10_000);

  it('an endless stream on stdin as the setup stops at the 2 MB limit', async () => {
    const outcome = await run(['report', '/dev/stdin'], {
      stdin: 'pipe',
      feed: (stdin) => {
        const chunk = Buffer.alloc(1 << 16, 0x20);
        const pump = () => {
          while (stdin.write(chunk));
        };
        stdin.on('drain', pump);
        stdin.on('error', () => undefined);
        pump();
      },
    });
    await expectWithinBudget(outcome);
    expectOneLineError(outcome, /\/dev\/stdin: file is too large \(more than 2000000 bytes/);
  }, TIMEOUT_MS + 10_000);

  it('an endless WAV stream through a FIFO is read up to its header’s length and renders that, and no more', async () => {
    const fifo = join(dir, 'endless.wav');
    execFileSync('mkfifo', [fifo]);
    // The header says 1 s of 16-bit mono at 8 kHz; the writer never stops.
    const second = pcm16(8000, 1, sine(1000, 8000));
    const head = wavBytes({ channels: 1, sampleRateHz: 8000, bitsPerSample: 16, data: new Uint8Array(0), declaredDataBytes: second.length });
    const stop = endlessWriter(fifo, head, second);
    const out = join(dir, 'out-endless');
    let outcome: MeasuredOutcome;
    try {
      outcome = await run(['render', '--preset', 'phone-hd600', fifo, '-o', out]);
    } finally {
      stop();
    }
    await expectWithinBudget(outcome);
    expect(outcome.code, outcome.stderr).toBe(0);
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.input.frames).toBe(8000);
  }, TIMEOUT_MS + 10_000);

  it('a stream whose header claims 149 hours is refused at its header', async () => {
    const fifo = join(dir, 'claims.wav');
    execFileSync('mkfifo', [fifo]);
    const head = wavBytes({ channels: 1, sampleRateHz: 8000, bitsPerSample: 8, data: new Uint8Array(0), declaredDataBytes: 0xfffffff0 });
    const stop = endlessWriter(fifo, head, new Uint8Array(1 << 16).fill(128));
    let outcome: MeasuredOutcome;
    try {
      outcome = await run(['render', '--preset', 'phone-hd600', fifo, '-o', join(dir, 'out-claims')]);
    } finally {
      stop();
    }
    await expectWithinBudget(outcome);
    expectOneLineError(outcome, /claims\.wav: is 149\.1 hours long; headroom renders at most 12 hours \(split the audio\)$/);
  }, TIMEOUT_MS + 10_000);
});

describe('-o is checked before anything renders', () => {
  const input = () => join(dir, 'tone.wav');
  beforeAll(async () => {
    await writeFile(input(), wavBytes({ channels: 1, sampleRateHz: 48_000, bitsPerSample: 16, data: pcm16(48_000, 1, sine(1000, 48_000)) }));
  });

  it('an existing file, a path under a file and a place nothing may be created: exit 2, one line, nothing written', async () => {
    const file = join(dir, 'taken.wav');
    await writeFile(file, 'mine');
    const cases: [string, RegExp][] = [
      [file, /-o .*taken\.wav: is a file, not a folder; -o names the folder for the output files$/],
      [join(file, 'sub'), /-o .*taken\.wav\/sub: cannot be created, because .*taken\.wav is a file$/],
      ['/proc/headroom-out', /-o \/proc\/headroom-out: cannot create the folder \/proc\/headroom-out \(.+\)$/],
    ];
    for (const [target, message] of cases) {
      const outcome = await run(['render', '--preset', 'phone-hd600', input(), '-o', target]);
      await expectWithinBudget(outcome);
      expectOneLineError(outcome, message);
    }
    expect(await readFile(file, 'utf8')).toBe('mine');
    expect(existsSync('/proc/headroom-out')).toBe(false);
  }, 3 * TIMEOUT_MS + 10_000);

  it('a render that fails after -o was created leaves no files and no new folder behind', async () => {
    // A NaN sample half-way: found while rendering, after the outputs were opened.
    const bytes = wavBytes({ formatTag: 3, channels: 1, sampleRateHz: 8000, bitsPerSample: 32, data: nanHalfWay(16_000) });
    await writeFile(join(dir, 'nan.wav'), bytes);
    const out = join(dir, 'new-folder', 'out');
    const outcome = await run(['render', '--preset', 'phone-hd600', join(dir, 'nan.wav'), '-o', out, '--quiet']);
    await expectWithinBudget(outcome);
    expectOneLineError(outcome, /nan\.wav: sample 8000 of channel 1 \(at 1\.000 s\) is NaN; float samples must be finite numbers$/);
    expect(existsSync(join(dir, 'new-folder'))).toBe(false);
    expect((await readdir(dir)).filter((f) => f.includes('partial'))).toEqual([]);
  }, TIMEOUT_MS + 10_000);
});

describe('a render leaves nothing behind', () => {
  it('writes nothing to the temp folder, with either host', async () => {
    const temp = await mkdtemp(join(tmpdir(), 'headroom-empty-tmp-'));
    await writeFile(join(dir, 'short.wav'), wavBytes({ channels: 1, sampleRateHz: 48_000, bitsPerSample: 16, data: pcm16(4800, 1, sine(1000, 48_000)) }));
    for (const host of ['direct', 'web-audio']) {
      const outcome = await run(['render', '--preset', 'phone-hd600', join(dir, 'short.wav'), '-o', join(dir, `out-tmp-${host}`), '--host', host], {
        // tsx keeps a transform cache in the temp folder when it runs the source (never in the package): off here.
        env: { TMPDIR: temp, TMP: temp, TEMP: temp, TSX_DISABLE_CACHE: '1' },
        timeoutMs: host === 'web-audio' ? WEB_AUDIO_TIMEOUT_MS : TIMEOUT_MS,
      });
      await expectWithinBudget(outcome);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(await readdir(join(dir, `out-tmp-${host}`))).toEqual(['1-sennheiser-hd-600.wav', 'summary.json']);
    }
    // Before, every render left a headroom-worklet-* folder with the bundled worklet here.
    expect(await readdir(temp)).toEqual([]);
    await rm(temp, { recursive: true, force: true });
  }, TIMEOUT_MS + WEB_AUDIO_TIMEOUT_MS + 10_000);
});

describe('one rule for the CLI and the app', () => {
  it('reads a setup saved as UTF-8 with a byte-order mark and as UTF-16 with one, as the app’s import does', async () => {
    const json = JSON.stringify(defaultPair().a);
    const bom = join(dir, 'bom.json');
    await writeFile(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json, 'utf8')]));
    const utf16 = join(dir, 'utf16.json');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    for (const file of [bom, utf16]) {
      const outcome = await run(['report', file, '--json']);
      await expectWithinBudget(outcome);
      expect(outcome.code, outcome.stderr).toBe(0);
      expect(JSON.parse(outcome.stdout).headphones[0].name).toBe(defaultPair().a.headphones[0]!.name);
    }
  }, 2 * TIMEOUT_MS + 10_000);

  it('150 000 unknown keys give one short line', async () => {
    const file = join(dir, 'keys.json');
    const data: Record<string, unknown> = { ...setup() };
    for (let i = 0; i < 150_000; i++) data[`k${i.toString(36)}`] = 0;
    await writeFile(file, JSON.stringify(data));
    const outcome = await run(['report', file]);
    await expectWithinBudget(outcome);
    expectOneLineError(outcome, /keys\.json: setup has unknown fields "k0", "k1", "k2", "k3", "k4" and 149995 more$/);
    expect(outcome.stderr.length).toBeLessThan(200);
  }, TIMEOUT_MS + 10_000);
});

describe('WAV headers', () => {
  it('a block alignment that disagrees with the channels and bits is refused, naming all three', async () => {
    const bytes = wavBytes({ channels: 2, sampleRateHz: 48_000, bitsPerSample: 13, data: pcm16(480, 2, sine(1000, 48_000)) });
    // wavBytes writes the true alignment (2 × 2 = 4) at byte 32; claim 3.
    new DataView(bytes.buffer).setUint16(32, 3, true);
    await writeFile(join(dir, 'align.wav'), bytes);
    const outcome = await run(['render', '--preset', 'phone-hd600', join(dir, 'align.wav'), '-o', join(dir, 'out-align')]);
    await expectWithinBudget(outcome);
    expectOneLineError(outcome, /align\.wav: block alignment 3 disagrees with 2 channels of 13 bits \(2 x 2 = 4 bytes per frame\)$/);
  }, TIMEOUT_MS + 10_000);
});

/** 32-bit float mono: `frames` samples of a quiet sine with a NaN at the middle frame. */
function nanHalfWay(frames: number): Uint8Array {
  const out = new Uint8Array(frames * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < frames; i++) view.setFloat32(i * 4, i === frames / 2 ? Number.NaN : 0.1 * Math.sin(i / 5), true);
  return out;
}
