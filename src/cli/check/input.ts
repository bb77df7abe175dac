import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * Reading the records of `check`: NDJSON streamed line by line, or a JSON array read whole; gzip
 * detected by its magic bytes (1f 8b), whatever the file is called; UTF-8 BOM and CRLF accepted.
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
  | { type: 'unparsable'; file: string; line: number; index?: number; message: string }
  | { type: 'unreadable'; file: string; message: string };

export interface ReadInputsOptions {
  stdin: Readable;
  state?: ReadState;
  signal?: AbortSignal;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Yields one item per non-blank NDJSON line / JSON array element / unreadable file, in order. */
export async function* readInputs(sources: readonly InputSource[], options: ReadInputsOptions): AsyncGenerator<InputItem> {
  const state = options.state ?? { bytesRead: 0, totalBytes: null };
  for (const source of sources) {
    if (options.signal?.aborted) return;
    let linesDone = 0;
    let stream: Readable;
    try {
      stream = source.path === null ? options.stdin : await openFile(source.path);
    } catch (error) {
      yield { type: 'unreadable', file: source.name, message: `cannot read ${source.name}: ${describeError(error)}` };
      continue;
    }
    // Ctrl-C must stop a read that is waiting (a pipe, a terminal), not only between records.
    const onAbort = (): void => {
      stream.destroy();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const item of parseText(decodeUtf8(maybeGunzip(countBytes(stream, state))), source.name)) {
        if (item.type !== 'unreadable') linesDone = item.line;
        yield item;
      }
    } catch (error) {
      if (options.signal?.aborted) return;
      const where = linesDone > 0 ? ` after line ${linesDone}` : '';
      yield { type: 'unreadable', file: source.name, message: `cannot read ${source.name}${where}: ${describeError(error)}` };
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      if (source.path !== null) stream.destroy();
    }
  }
}

/** Opens a regular file; a directory or a missing / forbidden file throws with a clear code. */
async function openFile(path: string): Promise<Readable> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return handle.createReadStream();
  } catch (error) {
    await handle.close();
    throw error;
  }
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
  Z_BUF_ERROR: 'gzip data cut off',
};

function describeError(error: unknown): string {
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

/** Passes bytes through, or gunzips them when they start with the gzip magic bytes. */
export async function* maybeGunzip(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
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
    if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
      yield* rest();
      return;
    }
    const source = Readable.from(rest(), { objectMode: false });
    const gunzip = createGunzip();
    source.on('error', (error) => gunzip.destroy(error));
    source.pipe(gunzip);
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } finally {
      source.destroy();
      gunzip.destroy();
    }
  } finally {
    await iterator.return?.();
  }
}

/** UTF-8 text of a byte stream; multi-byte characters split across chunks are joined. */
export async function* decodeUtf8(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

/**
 * NDJSON or JSON array, decided by the first non-space character (after a BOM): `[` → array.
 * NDJSON is split as it streams; an array file is read whole, then split into its elements.
 */
export async function* parseText(texts: AsyncIterable<string>, file: string): AsyncGenerator<InputItem> {
  const iterator = texts[Symbol.asyncIterator]();
  let head = '';
  let first: string | undefined;
  try {
    while (first === undefined) {
      const next = await iterator.next();
      if (next.done) break;
      head += next.value;
      if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
      const match = /\S/.exec(head);
      if (match) first = match[0];
    }
    if (first === undefined) return; // empty or blank input: no records
    if (first === '[') {
      let text = head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        text += next.value;
      }
      yield* splitJsonArray(text, file);
      return;
    }
    const splitter = new LineSplitter(file);
    yield* splitter.push(head);
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      yield* splitter.push(next.value);
    }
    yield* splitter.end();
  } finally {
    await iterator.return?.();
  }
}

/** Splits NDJSON text into lines as it arrives; counts physical lines; skips blank ones. */
export class LineSplitter {
  private pending = '';
  private line = 0;

  constructor(private readonly file: string) {}

  *push(text: string): Generator<InputItem> {
    let start = 0;
    const data = this.pending.length > 0 ? this.pending + text : text;
    for (;;) {
      const newline = data.indexOf('\n', start);
      if (newline === -1) break;
      this.line += 1;
      const item = this.parseLine(data.slice(start, newline), false);
      if (item) yield item;
      start = newline + 1;
    }
    this.pending = data.slice(start);
  }

  *end(): Generator<InputItem> {
    if (this.pending.length === 0) return;
    this.line += 1;
    const item = this.parseLine(this.pending, true);
    this.pending = '';
    if (item) yield item;
  }

  private parseLine(raw: string, lastWithoutNewline: boolean): InputItem | undefined {
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim().length === 0) return undefined;
    try {
      return { type: 'record', file: this.file, line: this.line, value: JSON.parse(text) as unknown };
    } catch (error) {
      const hint = lastWithoutNewline ? ' (last line has no line end: cut off?)' : '';
      return { type: 'unparsable', file: this.file, line: this.line, message: `not valid JSON: ${parseMessage(error)}${hint}` };
    }
  }
}

function parseMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Splits the text of a JSON array into its top-level elements, each parsed on its own so that one
 * broken element does not hide the others. Each item carries the line where the element starts.
 */
export function* splitJsonArray(text: string, file: string): Generator<InputItem> {
  let line = 1;
  let i = 0;
  const length = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  // Skip to the opening bracket (only whitespace precedes it; the caller checked).
  while (i < length && text[i] !== '[') {
    if (text[i] === '\n') line += 1;
    i += 1;
  }
  i += 1;
  let index = 0;
  let depth = 0;
  let inString = false;
  let elementStart = -1;
  let elementLine = line;
  let closed = false;

  const element = (end: number): InputItem | undefined => {
    if (elementStart === -1) return undefined;
    const slice = text.slice(elementStart, end).trimEnd();
    const position = { file, line: elementLine, index };
    index += 1;
    elementStart = -1;
    try {
      return { type: 'record', ...position, value: JSON.parse(slice) as unknown };
    } catch (error) {
      return { type: 'unparsable', ...position, message: `not valid JSON: ${parseMessage(error)}` };
    }
  };

  for (; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line += 1;
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped character (never a newline in JSON)
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (elementStart === -1 && depth === 0 && c !== 0x2c && c !== 0x5d) {
      elementStart = i;
      elementLine = line;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) depth += 1;
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth -= 1;
    else if (depth === 0 && c === 0x2c) {
      if (elementStart === -1) {
        yield { type: 'unparsable', file, line, index, message: 'not valid JSON: empty array element (an extra comma?)' };
        index += 1;
      } else {
        const item = element(i);
        if (item) yield item;
      }
    } else if (depth === 0 && c === 0x5d) {
      const item = element(i);
      if (item) yield item;
      closed = true;
      i += 1;
      break;
    }
  }
  if (!closed) {
    const cut = 'not valid JSON: the array is cut off (no closing "]")';
    if (elementStart !== -1) {
      const item = element(length);
      if (item) yield item.type === 'record' ? { type: 'unparsable', file, line: item.line, index: item.index, message: cut } : item;
    } else {
      yield { type: 'unparsable', file, line, index, message: cut };
    }
    return;
  }
  const restStart = i;
  const rest = text.slice(restStart);
  const extra = /\S/.exec(rest);
  if (extra) {
    const before = rest.slice(0, extra.index);
    const extraLine = line + (before.match(/\n/g)?.length ?? 0);
    yield { type: 'unparsable', file, line: extraLine, message: 'not valid JSON: unexpected text after the closing "]"' };
  }
}
