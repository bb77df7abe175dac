import type { InputItem, LinesItem } from '../input.js';
import { unlessDuplicateKeys } from './duplicateKeys.js';
import type { ReaderStart } from './jsonArrayReader.js';
import { LineBatchBuilder, type LineBatchLimits } from './lineBatch.js';

export interface NdjsonReaderOptions {
  /** A line longer than this is reported invalid without being kept in memory. */
  maxLineBytes: number;
  /**
   * Give lines unparsed, gathered into batches of bytes (`type: 'lines'`), to be decoded and
   * parsed where they are evaluated (a worker thread); without it, one parsed item per line.
   */
  batch?: LineBatchLimits;
}

/** A line that only opens an object: the first line of a pretty-printed record. */
const LONE_BRACE = /^\s*\{\s*$/;
/** A first line of names between commas (id,city,kind): a CSV file given for records. */
const CSV_HEADER = /^\s*"?[A-Za-z_][\w ]*"?\s*(,\s*"?[A-Za-z_][\w ]*"?\s*)+$/;
const CSV_HINT = ' (this looks like a CSV header: records are JSON objects, one per line (NDJSON) or in a JSON array)';
const PRETTY_PRINTED_HINT = " (a line holding only '{': a pretty-printed JSON object? Give one record per line (NDJSON, e.g. jq -c . FILE) or a JSON array)";

/**
 * One NDJSON line's text → a record, or an unparsable item with JSON.parse's reason. `last`: the
 * line is the input's last and had no line end.
 */
export function parseLine(file: string, line: number, text: string, last: boolean): InputItem {
  try {
    return unlessDuplicateKeys({ type: 'record', file, line, value: JSON.parse(text) as unknown }, text);
  } catch (error) {
    const hint = last ? ' (last line has no line end: cut off?)' : LONE_BRACE.test(text) ? PRETTY_PRINTED_HINT : line === 1 && CSV_HEADER.test(text) ? CSV_HINT : '';
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'unparsable', file, line, message: `not valid JSON: ${message}${hint}` };
  }
}

const LF = 0x0a;
const CR = 0x0d;

/** Whether bytes [from, to) hold anything but spaces and tabs (usually decided by the first byte). */
function hasContentIn(chunk: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = chunk[i] as number;
    if (c !== 0x20 && c !== 0x09) return true;
  }
  return false;
}

/**
 * Splits NDJSON bytes into lines as they arrive, in one pass over each byte (linear whatever the
 * line lengths or the number of blank lines): line ends are found with `indexOf` (memchr), not a
 * loop in JavaScript. LF, CRLF and a lone CR (old Mac files) each end a line; blank and
 * whitespace-only lines are skipped but counted. A line longer than `maxLineBytes` is dropped as it
 * streams and reported as one invalid item.
 */
export class NdjsonReader {
  private parts: Uint8Array[] = [];
  private partsBytes = 0;
  /** Whether the current line has a byte other than space or tab. */
  private hasContent = false;
  /** The current line passed maxLineBytes: its bytes are being dropped. */
  private overlong = false;
  private line: number;
  private afterCR: boolean;
  private readonly batch: LineBatchBuilder | undefined;

  constructor(
    private readonly file: string,
    private readonly options: NdjsonReaderOptions,
    start: ReaderStart = { line: 1, afterCR: false },
  ) {
    // `line` counts completed lines; the current one is line + 1.
    this.line = start.line - 1;
    this.afterCR = start.afterCR;
    this.batch = options.batch === undefined ? undefined : new LineBatchBuilder(file, options.batch);
  }

  push(chunk: Uint8Array): Array<InputItem | LinesItem> {
    const out: Array<InputItem | LinesItem> = [];
    const length = chunk.length;
    let pos = 0;
    if (this.afterCR && length > 0) {
      // The LF of a CRLF cut between chunks: the line already ended at the CR.
      this.afterCR = false;
      if (chunk[0] === LF) pos = 1;
    }
    let lf = chunk.indexOf(LF, pos);
    let cr = chunk.indexOf(CR, pos);
    for (;;) {
      if (lf !== -1 && lf < pos) lf = chunk.indexOf(LF, pos);
      if (cr !== -1 && cr < pos) cr = chunk.indexOf(CR, pos);
      const end = lf === -1 ? cr : cr === -1 || lf < cr ? lf : cr;
      if (end === -1) break;
      if (!this.hasContent) this.hasContent = hasContentIn(chunk, pos, end);
      this.endLine(chunk, pos, end, false, out);
      pos = end + 1;
      if (end === cr) {
        if (pos === length) this.afterCR = true;
        else if (chunk[pos] === LF) pos += 1;
      }
    }
    if (pos < length) {
      if (!this.hasContent) this.hasContent = hasContentIn(chunk, pos, length);
      this.keep(chunk, pos, length);
    }
    return out;
  }

  end(): Array<InputItem | LinesItem> {
    const out: Array<InputItem | LinesItem> = [];
    if (this.partsBytes > 0 || this.overlong) this.endLine(new Uint8Array(0), 0, 0, true, out);
    if (this.batch !== undefined && !this.batch.empty()) out.push({ type: 'lines', batch: this.batch.take() });
    return out;
  }

  private keep(chunk: Uint8Array, from: number, to: number): void {
    if (this.overlong) return;
    if (this.partsBytes + (to - from) > this.options.maxLineBytes) {
      this.overlong = true;
      this.parts = [];
      this.partsBytes = 0;
      return;
    }
    // A copy: the chunk's memory may be reused once push returns.
    this.parts.push(Uint8Array.prototype.slice.call(chunk, from, to));
    this.partsBytes += to - from;
  }

  private endLine(chunk: Uint8Array, from: number, to: number, last: boolean, out: Array<InputItem | LinesItem>): void {
    this.line += 1;
    const hasContent = this.hasContent;
    this.hasContent = false;
    if (!hasContent) {
      this.reset();
      return;
    }
    if (this.overlong || this.partsBytes + (to - from) > this.options.maxLineBytes) {
      this.reset();
      // Items stay in input order: the lines gathered so far go first.
      if (this.batch !== undefined && !this.batch.empty()) out.push({ type: 'lines', batch: this.batch.take() });
      out.push({
        type: 'unparsable',
        file: this.file,
        line: this.line,
        message: `line longer than ${this.options.maxLineBytes} bytes (--max-line-bytes); not read`,
      });
      return;
    }
    if (this.batch !== undefined) {
      this.batch.add(this.parts, chunk, from, to, this.line, last);
      this.reset();
      if (this.batch.full()) out.push({ type: 'lines', batch: this.batch.take() });
      return;
    }
    let text: string;
    if (this.parts.length === 0) text = Buffer.from(chunk.buffer, chunk.byteOffset + from, to - from).toString('utf8');
    else {
      this.parts.push(chunk.subarray(from, to));
      text = Buffer.concat(this.parts).toString('utf8');
    }
    this.reset();
    out.push(parseLine(this.file, this.line, text, last));
  }

  private reset(): void {
    if (this.parts.length > 0) this.parts = [];
    this.partsBytes = 0;
    this.overlong = false;
  }
}
