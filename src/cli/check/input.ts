import { constants, fstatSync, open as openCallback } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { gunzip, type GunzipOptions } from './read/gunzip.js';
import { JsonArrayReader } from './read/jsonArrayReader.js';
import type { LineBatch, LineBatchLimits } from './read/lineBatch.js';
import { NdjsonReader } from './read/ndjsonReader.js';

/**
 * Reading the records of `check`: NDJSON or a JSON array (decided by the first non-space byte),
 * both streamed in one linear pass over the bytes, so memory is bounded by the longest record
 * (`--max-line-bytes`), never by the file. gzip is detected by its magic bytes (1f 8b) whatever the
 * file is called and read like `zcat` (every member; trailing garbage reported, records kept),
 * with a guard against decompression bombs. UTF-8 with or without BOM; LF, CRLF or CR line ends.
 */

/** One input as given on the command line. `path` null: standard input. */
export interface InputSource {
  /** The name results carry: the path as given, or "<stdin>". */
  name: string;
  /** Absolute path, or null for stdin. */
  path: string | null;
}

export const STDIN_NAME = '<stdin>';

/** How far reading has got, for the progress line. Mutated while reading. */
export interface ReadState {
  /** Raw bytes read so far (compressed bytes for a .gz file). */
  bytesRead: number;
  /** Sum of the files' sizes; null when unknown (stdin, a pipe). */
  totalBytes: number | null;
}

export type InputItem =
  | { type: 'record'; file: string; line: number; index?: number; value: unknown }
  | {
      type: 'unparsable';
      file: string;
      line: number;
      index?: number;
      message: string;
      undelimited?: true;
      /** Parsed, but not to be judged (a key given twice, ./read/duplicateKeys.ts): the issue to report. */
      issue?: { path: string; code: 'duplicate-key'; zh: string; recordId: string | null };
    }
  | { type: 'unreadable'; file: string; message: string };

/** NDJSON lines not decoded nor parsed yet (`readInputs` with `batch`): see ./read/lineBatch.ts. */
export interface LinesItem {
  type: 'lines';
  batch: LineBatch;
}

export interface ReadInputsOptions {
  stdin: Readable;
  state?: ReadState;
  signal?: AbortSignal;
  /** Longest NDJSON line / JSON array element read (bytes); longer ones are reported, not kept. */
  maxLineBytes?: number;
  /** gzip output per compressed byte at which reading stops (a bomb); 0: no limit. */
  maxGzipRatio?: number;
}

/** `readInputs`, with NDJSON lines left as bytes in batches (`LinesItem`), for batch evaluation. */
export type ReadBatchOptions = ReadInputsOptions & { batch: LineBatchLimits };

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_GZIP_RATIO = 100;

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Yields one item per non-blank NDJSON line / JSON array element / unreadable file, in order. */
export function readInputs(sources: readonly InputSource[], options: ReadBatchOptions): AsyncGenerator<InputItem | LinesItem>;
export function readInputs(sources: readonly InputSource[], options: ReadInputsOptions): AsyncGenerator<InputItem>;
export async function* readInputs(
  sources: readonly InputSource[],
  options: ReadInputsOptions & { batch?: LineBatchLimits },
): AsyncGenerator<InputItem | LinesItem> {
  const state = options.state ?? { bytesRead: 0, totalBytes: null };
  const limits = {
    ...(options.batch !== undefined ? { batch: options.batch } : {}),
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    maxGzipRatio: options.maxGzipRatio ?? DEFAULT_MAX_GZIP_RATIO,
  };
  for (const source of sources) {
    if (options.signal?.aborted) return;
    let linesDone = 0;
    let opened: Opened;
    try {
      opened = source.path === null ? { stream: checkedStdin(options.stdin) } : await openFile(source.path, options.signal);
    } catch (error) {
      if (options.signal?.aborted) return;
      yield { type: 'unreadable', file: source.name, message: `cannot read ${source.name}: ${describeError(error)}` };
      continue;
    }
    // Ctrl-C must stop a read that is waiting (a pipe, a FIFO, a terminal), not only between records.
    // (A regular file's read never waits long: it stops at the next read.)
    const onAbort = (): void => {
      opened.stream?.destroy();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const problems: string[] = [];
    try {
      const chunks = opened.handle !== undefined ? fileChunks(opened.handle, state, options.signal) : countBytes(opened.stream, state);
      const bytes = maybeGunzip(chunks, { maxRatio: limits.maxGzipRatio, problems });
      for await (const item of parseBytes(bytes, source.name, limits)) {
        if (item.type === 'lines') linesDone = item.batch.lineNumbers[item.batch.lineNumbers.length - 1] ?? linesDone;
        else if (item.type !== 'unreadable') linesDone = item.line;
        yield item;
      }
      for (const problem of problems) yield { type: 'unreadable', file: source.name, message: `${source.name}: ${problem}` };
    } catch (error) {
      if (options.signal?.aborted) return;
      const where = linesDone > 0 ? ` after line ${linesDone}` : '';
      yield { type: 'unreadable', file: source.name, message: `cannot read ${source.name}${where}: ${describeError(error)}` };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      if (opened.handle !== undefined) await opened.handle.close().catch(() => {});
      else if (source.path !== null) opened.stream.destroy();
    }
  }
}

/** Standard input, refused when it is a directory (`check < dir` would otherwise read as empty). */
function checkedStdin(stdin: Readable): Readable {
  const fd = (stdin as { fd?: unknown }).fd;
  if (typeof fd === 'number') {
    let isDirectory = false;
    try {
      isDirectory = fstatSync(fd).isDirectory();
    } catch {
      // Not a file descriptor we can stat: read it as a stream.
    }
    if (isDirectory) throw Object.assign(new Error('standard input is a directory'), { code: 'EISDIR' });
  }
  return stdin;
}

/**
 * An input opened: a file read through its handle, or a stream (standard input, a FIFO).
 *
 * A file is not read through a stream (`handle.createReadStream()`): a Readable queues its chunks
 * in a linked list, and once V8's full collection has moved a dequeued entry to the old generation
 * while it still pointed at the next one, each later entry (and its 64 kB chunk) outlived the next
 * young-generation collection until the following full one (`--trace-gc-nvp`: 300-1,000 kB survived
 * each, against ~10 kB before the first full collection), and V8 grew the main thread's young
 * generation from 8 to 34 MB. 1M records with --jobs 2, runs alternated: through the stream, peak
 * RSS was 204-211 MB in 5 of 14 runs (174-181 MB in the others); read by the handle, 172-183 MB in
 * 14 of 14 (and 6 more), and ~10 kB survived each young collection after a full one too.
 */
type Opened = { handle: FileHandle; stream?: undefined } | { stream: Readable; handle?: undefined };

/** Bytes read from a file at a time (a file stream's default). */
const READ_BYTES = 64 * 1024;

/** A file's bytes, in fresh buffers of at most READ_BYTES; stops at the next read once aborted. */
async function* fileChunks(handle: FileHandle, state: ReadState, signal?: AbortSignal): AsyncGenerator<Buffer> {
  for (;;) {
    if (signal?.aborted) throw new Error('aborted');
    const buffer = Buffer.allocUnsafeSlow(READ_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
    if (bytesRead === 0) return;
    state.bytesRead += bytesRead;
    yield bytesRead === READ_BYTES ? buffer : buffer.subarray(0, bytesRead);
  }
}

/**
 * Opens a regular file or a FIFO; a directory or a missing / forbidden file throws with a clear
 * code. A FIFO is opened non-blocking and read as a pipe, so Ctrl-C can stop the wait for a writer
 * (a blocking open would hold a thread until someone opens the other end).
 */
async function openFile(path: string, signal?: AbortSignal): Promise<Opened> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (info.isFIFO()) {
    const fd = await openFd(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const socket = new Socket({ fd, readable: true, writable: false });
    if (signal?.aborted) socket.destroy();
    return { stream: socket };
  }
  const handle = await open(path, 'r');
  try {
    const again = await handle.stat();
    if (again.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { handle };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function openFd(path: string, flags: number): Promise<number> {
  return new Promise((resolve, reject) => {
    openCallback(path, flags, (error, fd) => (error ? reject(error) : resolve(fd)));
  });
}
/** Total size of the regular files among the sources, or null when any size is unknown. */
export async function totalInputBytes(sources: readonly InputSource[]): Promise<number | null> {
  let total = 0;
  for (const source of sources) {
    if (source.path === null) return null;
    try {
      const info = await stat(source.path);
      if (!info.isFile()) return null;
      total += info.size;
    } catch {
      // An unreadable file is reported when it is read; it adds nothing to read.
    }
  }
  return total;
}

const ERROR_TEXT: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  Z_DATA_ERROR: 'corrupt gzip data',
  EENCODING: 'not UTF-8',
  Z_BUF_ERROR: 'gzip data cut off',
};

/** Why a file could not be opened or read, in the words the reader's messages use (fileErrorZh.ts knows them). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const known = code === undefined ? undefined : ERROR_TEXT[code];
    // Node's own message repeats the code ("ENOENT: no such file or directory, open …"): say it once.
    if (known !== undefined) return `${known} (${code})`;
    return error.message;
  }
  return String(error);
}

async function* countBytes(stream: Readable, state: ReadState): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    state.bytesRead += buffer.length;
    yield buffer;
  }
}

/** Passes bytes through, or gunzips them (see ./read/gunzip.ts) when they start with the gzip magic bytes. */
export async function* maybeGunzip(chunks: AsyncIterable<Buffer>, options: GunzipOptions = { maxRatio: 0, problems: [] }): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head: Buffer = Buffer.alloc(0);
  let done = false;
  try {
    while (head.length < GZIP_MAGIC.length) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
    }
    async function* rest(): AsyncGenerator<Buffer> {
      if (head.length > 0) yield head;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    }
    if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) yield* rest();
    else yield* gunzip(rest(), options);
  } finally {
    await iterator.return?.();
  }
}

export interface ParseLimits {
  maxLineBytes: number;
  /** NDJSON lines come out in batches of bytes (`LinesItem`), not parsed. */
  batch?: LineBatchLimits;
}

/**
 * NDJSON or JSON array, decided by the first non-space byte (after a UTF-8 BOM): `[` → array.
 * Whitespace before it is counted (lines) and dropped as it streams. UTF-16 input (a BOM, or NUL
 * bytes between ASCII ones) is refused with a hint instead of one "not valid JSON" per line.
 */
export async function* parseBytes(chunks: AsyncIterable<Buffer>, file: string, limits: ParseLimits = { maxLineBytes: DEFAULT_MAX_LINE_BYTES }): AsyncGenerator<InputItem | LinesItem> {
  const router = new InputRouter(file, limits);
  for await (const chunk of chunks) yield* router.push(chunk);
  yield* router.end();
}

class InputRouter {
  private reader: NdjsonReader | JsonArrayReader | null = null;
  /** The first bytes, kept until there are four (BOM and encoding checks); null once checked. */
  private head: Buffer | null = Buffer.alloc(0);
  private line = 1;
  private afterCR = false;

  constructor(
    private readonly file: string,
    private readonly limits: ParseLimits,
  ) {}

  push(raw: Buffer): Array<InputItem | LinesItem> {
    let chunk = raw;
    if (this.head !== null) {
      this.head = this.head.length === 0 ? chunk : Buffer.concat([this.head, chunk]);
      if (this.head.length < 4) return [];
      chunk = this.checkHead();
    }
    return this.route(chunk);
  }

  end(): Array<InputItem | LinesItem> {
    const out = this.head !== null && this.head.length > 0 ? this.route(this.checkHead()) : [];
    return this.reader === null ? out : [...out, ...this.reader.end()];
  }

  private checkHead(): Buffer {
    let chunk = this.head as Buffer;
    this.head = null;
    const hint = utf16Hint(chunk);
    if (hint !== null) throw new Error(hint);
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    return chunk;
  }

  private route(chunk: Buffer): Array<InputItem | LinesItem> {
    if (this.reader !== null) return this.reader.push(chunk);
    let i = 0;
    for (; i < chunk.length; i += 1) {
      const c = chunk[i] as number;
      if (c === 0x0d) {
        this.line += 1;
        this.afterCR = true;
      } else if (c === 0x0a) {
        if (!this.afterCR) this.line += 1;
        this.afterCR = false;
      } else if (c === 0x20 || c === 0x09) this.afterCR = false;
      else break;
    }
    if (i === chunk.length) return [];
    const start = { line: this.line, afterCR: this.afterCR };
    this.reader =
      chunk[i] === 0x5b
        ? new JsonArrayReader(this.file, { maxElementBytes: this.limits.maxLineBytes }, start)
        : new NdjsonReader(this.file, this.limits, start);
    return this.reader.push(chunk.subarray(i));
  }
}

/** A hint when the bytes look like UTF-16 (BOM FF FE / FE FF, or "{\0"…); null for UTF-8. */
export function utf16Hint(head: Uint8Array): string | null {
  const [b0, b1, b2, b3] = [head[0], head[1], head[2], head[3]];
  const little = (b0 === 0xff && b1 === 0xfe) || (b0 !== 0 && b0 !== undefined && b0 < 0x80 && b1 === 0 && b2 !== 0 && b3 === 0);
  const big = (b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 !== 0 && b1 !== undefined && b1 < 0x80 && b2 === 0 && b3 !== 0);
  if (!little && !big) return null;
  const name = little ? 'UTF-16LE' : 'UTF-16BE';
  return `the input looks like ${name}, but records must be UTF-8; convert it first, e.g. iconv -f ${name} -t UTF-8 FILE > FILE.utf8.ndjson`;
}
