/**
 * Input files read in bounded pieces, whatever they are. A regular file is read with
 * positioned reads (its size is known first, so a lying header or a 200 MB setup is refused
 * before reading). Anything else (a FIFO, /dev/stdin, /dev/zero, a character device) is read
 * as a stream, with the same caps as a file and a limit on how long it may stay silent, so
 * an endless or stuck stream ends in one clear line instead of growing memory or hanging.
 */
import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CliError } from './cli-error.ts';

/** A stream that delivers nothing for this long is given up on (a FIFO with no writer, a stalled pipe). */
export const IDLE_SECONDS = 30;

export interface ByteSource {
  readonly path: string;
  /** A regular file's size; null for a stream. */
  readonly size: number | null;
  /** Bytes consumed so far. */
  readonly position: number;
  /** Up to `n` bytes (fewer only at the end), as a fresh array. */
  read(n: number): Promise<Uint8Array>;
  /** Fills `target` (fewer bytes only at the end); returns how many. For the sample data: no allocation per chunk. */
  readInto(target: Uint8Array): Promise<number>;
  /** Skips `n` bytes; returns how many there were. */
  skip(n: number): Promise<number>;
  close(): Promise<void>;
}

/** One CliError line for a failed open or stat: `<path>: no such file`. */
export function openError(path: string, error: unknown, expected: string): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CliError(`${path}: no such file`);
  if (code === 'EISDIR') return new CliError(`${path}: is a directory, expected ${expected}`);
  if (code === 'EACCES' || code === 'EPERM') return new CliError(`${path}: cannot read it (permission denied)`);
  return new CliError(`${path}: cannot read it (${code ?? (error as Error).message})`);
}

/** Names that mean this process's standard input: read from the stream Node holds (a pipe, a socket, a terminal), not reopened by path. */
const STDIN_NAMES = new Set(['-', '/dev/stdin']);

export async function openByteSource(path: string, expected: string, idleSeconds = IDLE_SECONDS): Promise<ByteSource> {
  if (STDIN_NAMES.has(path)) {
    const stdin = await stat('/dev/stdin').catch(() => null);
    if (!stdin?.isFile()) return new StreamSource(path, expected, idleSeconds, process.stdin);
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw openError(path, error, expected);
  }
  if (info.isDirectory()) throw new CliError(`${path}: is a directory, expected ${expected}`);
  if (info.isFile()) {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      throw openError(path, error, expected);
    }
    return new FileSource(path, handle, info.size);
  }
  return new StreamSource(path, expected, idleSeconds);
}

class FileSource implements ByteSource {
  position = 0;
  constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  async read(n: number): Promise<Uint8Array> {
    const bytes = new Uint8Array(Math.max(0, Math.min(n, this.size - this.position)));
    const filled = await this.readInto(bytes);
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  }

  async readInto(target: Uint8Array): Promise<number> {
    const wanted = Math.max(0, Math.min(target.length, this.size - this.position));
    let filled = 0;
    while (filled < wanted) {
      const { bytesRead } = await this.handle.read(target, filled, wanted - filled, this.position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    this.position += filled;
    return filled;
  }

  async skip(n: number): Promise<number> {
    const skipped = Math.max(0, Math.min(n, this.size - this.position));
    this.position += skipped;
    return skipped;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

class StreamSource implements ByteSource {
  readonly size = null;
  position = 0;
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly stream: Readable;
  private pending: Uint8Array = new Uint8Array(0);
  private ended = false;

  constructor(
    readonly path: string,
    private readonly expected: string,
    private readonly idleSeconds: number,
    stream?: Readable,
  ) {
    this.stream = stream ?? createReadStream(path, { highWaterMark: 1 << 16 });
    this.chunks = this.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  /** The next chunk, or null at the end; refuses a stream that stays silent too long. */
  private async next(): Promise<Uint8Array | null> {
    if (this.ended) return null;
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new CliError(`${this.path}: nothing arrived for ${this.idleSeconds} s after ${this.position} bytes (a pipe with no writer?); expected ${this.expected}`)),
        this.idleSeconds * 1000,
      );
    });
    try {
      const result = await Promise.race([this.chunks.next(), silent]);
      if (result.done) {
        this.ended = true;
        return null;
      }
      return result.value;
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw openError(this.path, error, this.expected);
    } finally {
      clearTimeout(timer);
    }
  }

  async read(n: number): Promise<Uint8Array> {
    const out = new Uint8Array(n);
    const filled = await this.readInto(out);
    return filled === n ? out : out.subarray(0, filled);
  }

  async readInto(out: Uint8Array): Promise<number> {
    const n = out.length;
    let filled = 0;
    while (filled < n) {
      if (this.pending.length === 0) {
        const chunk = await this.next();
        if (chunk === null) break;
        this.pending = chunk;
      }
      const take = Math.min(n - filled, this.pending.length);
      out.set(this.pending.subarray(0, take), filled);
      this.pending = this.pending.subarray(take);
      filled += take;
    }
    this.position += filled;
    return filled;
  }

  async skip(n: number): Promise<number> {
    let skipped = 0;
    while (skipped < n) {
      const piece = await this.read(Math.min(n - skipped, 1 << 16));
      if (piece.length === 0) break;
      skipped += piece.length;
    }
    return skipped;
  }

  async close(): Promise<void> {
    // Stop reading (an endless pipe would go on filling memory otherwise).
    if (this.stream === process.stdin) this.stream.pause();
    else this.stream.destroy();
  }
}
