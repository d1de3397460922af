/**
 * WAV files built byte by byte for the bad-audio tests of the CLI (tests/cli) and the app
 * (tests/browser): the same bytes reach `headroom render` and `ListeningEngine.decodeFile`.
 * No Node or DOM imports, so both projects can use it.
 */

export interface WavSpec {
  /** 1 = integer PCM, 3 = IEEE float, 0xFFFE = WAVE_FORMAT_EXTENSIBLE (sub-format from `subFormat`). */
  formatTag?: number;
  subFormat?: number;
  channels: number;
  sampleRateHz: number;
  bitsPerSample: number;
  /** The data chunk's payload. */
  data: Uint8Array;
  /** The size written in the data chunk's header; default the payload's length. */
  declaredDataBytes?: number;
}

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

function u16(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff];
}

function u32(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

/** A RIFF/WAVE file: "fmt " chunk (16 bytes, or 40 for EXTENSIBLE), then "data". */
export function wavBytes(spec: WavSpec): Uint8Array {
  const formatTag = spec.formatTag ?? 1;
  const blockAlign = spec.channels * Math.ceil(spec.bitsPerSample / 8);
  const fmt = [...u16(formatTag), ...u16(spec.channels), ...u32(spec.sampleRateHz), ...u32(spec.sampleRateHz * blockAlign), ...u16(blockAlign), ...u16(spec.bitsPerSample)];
  if (formatTag === 0xfffe) {
    // cbSize 22, valid bits, channel mask 0 (no speaker positions), sub-format GUID xxxxxxxx-0000-0010-8000-00aa00389b71.
    fmt.push(...u16(22), ...u16(spec.bitsPerSample), ...u32(0), ...u16(spec.subFormat ?? 1), 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71);
  }
  const declared = spec.declaredDataBytes ?? spec.data.length;
  const header = [...ascii('fmt '), ...u32(fmt.length), ...fmt, ...ascii('data'), ...u32(declared)];
  const pad = spec.data.length % 2;
  // RIFF size: what follows the 8-byte RIFF header, as the header claims it (a liar's file claims its lie).
  const riffSize = Math.min(0xffffffff, 4 + header.length + declared + pad);
  const bytes = new Uint8Array(12 + header.length + spec.data.length + pad);
  bytes.set([...ascii('RIFF'), ...u32(riffSize), ...ascii('WAVE'), ...header]);
  bytes.set(spec.data, 12 + header.length);
  return bytes;
}

/** Interleaved 16-bit PCM of `frames` frames; `value(frame, channel)` in ±1. */
export function pcm16(frames: number, channels: number, value: (frame: number, channel: number) => number): Uint8Array {
  const out = new Uint8Array(frames * channels * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) view.setInt16((i * channels + c) * 2, Math.round(32767 * Math.max(-1, Math.min(1, value(i, c)))), true);
  }
  return out;
}

/** Interleaved 32-bit float of `frames` frames; `value(frame, channel)` written as is (NaN and ±Infinity too). */
export function float32(frames: number, channels: number, value: (frame: number, channel: number) => number): Uint8Array {
  const out = new Uint8Array(frames * channels * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < frames; i++) for (let c = 0; c < channels; c++) view.setFloat32((i * channels + c) * 4, value(i, c), true);
  return out;
}

export const sine = (hz: number, rate: number, peak = 0.25) => (frame: number): number => peak * Math.sin((2 * Math.PI * hz * frame) / rate);

const RATE = 48_000;
/** 0.1 s of a 1 kHz sine, 16-bit stereo at 48 kHz: the healthy file the broken ones derive from. */
export const goodWav = (): Uint8Array => wavBytes({ channels: 2, sampleRateHz: RATE, bitsPerSample: 16, data: pcm16(4800, 2, sine(1000, RATE)) });
/** Index (frame) of the bad sample in the NaN/Inf files, and its channel. */
export const BAD_SAMPLE_FRAME = 1234;
export const BAD_SAMPLE_CHANNEL = 1;

export interface BadFile {
  name: string;
  bytes: Uint8Array;
}

/** Files every reader must refuse (CLI: exit 2 and one line; app: a message, the current material kept). */
export function refusedFiles(): Record<string, BadFile> {
  const good = goodWav();
  const floatWith = (bad: number): Uint8Array =>
    wavBytes({ formatTag: 3, channels: 2, sampleRateHz: RATE, bitsPerSample: 32, data: float32(4800, 2, (i, c) => (i === BAD_SAMPLE_FRAME && c === BAD_SAMPLE_CHANNEL ? bad : sine(1000, RATE)(i))) });
  return {
    // Cut inside the sample data: the data chunk declares 19 200 bytes, 9 200 are there.
    truncatedData: { name: 'truncated-data.wav', bytes: good.slice(0, good.length - 10_000) },
    // Cut inside the fmt chunk: no data chunk at all.
    truncatedHeader: { name: 'truncated-header.wav', bytes: good.slice(0, 30) },
    // "RIFF" spelt "RIFX"-less: an MP3-like start; and a RIFF that is not WAVE.
    wrongMagic: { name: 'wrong-magic.wav', bytes: Uint8Array.from([0x49, 0x44, 0x33, 0x04, ...good.slice(4)]) },
    notWave: { name: 'not-wave.wav', bytes: Uint8Array.from([...good.slice(0, 8), 0x41, 0x56, 0x49, 0x20, ...good.slice(12)]) },
    empty: { name: 'empty.wav', bytes: new Uint8Array(0) },
    zeroFrames: { name: 'zero-frames.wav', bytes: wavBytes({ channels: 2, sampleRateHz: RATE, bitsPerSample: 16, data: new Uint8Array(0) }) },
    // The data chunk claims 0xFFFFFFF0 bytes (6.2 hours of 16-bit stereo at 48 kHz); 0.1 s are there.
    claimsHours: { name: 'claims-hours.wav', bytes: wavBytes({ channels: 2, sampleRateHz: RATE, bitsPerSample: 16, data: pcm16(4800, 2, sine(1000, RATE)), declaredDataBytes: 0xfffffff0 }) },
    nanSample: { name: 'nan-sample.wav', bytes: floatWith(Number.NaN) },
    infSample: { name: 'inf-sample.wav', bytes: floatWith(Number.NEGATIVE_INFINITY) },
    channels32: { name: 'channels-32.wav', bytes: wavBytes({ formatTag: 0xfffe, subFormat: 1, channels: 32, sampleRateHz: RATE, bitsPerSample: 16, data: pcm16(4800, 32, (i, c) => sine(250 * (c + 1), RATE, 0.02)(i)) }) },
  };
}

/** 0.1 s of a 1 kHz sine (−12 dBFS peak), 16-bit mono, at the edges of the supported rates. */
export function rateFile(sampleRateHz: number): BadFile {
  const frames = Math.round(sampleRateHz / 10);
  return { name: `rate-${sampleRateHz}.wav`, bytes: wavBytes({ channels: 1, sampleRateHz, bitsPerSample: 16, data: pcm16(frames, 1, sine(1000, sampleRateHz)) }) };
}
