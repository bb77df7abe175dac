import type { InputItem, LineItem } from '../input.js';
import type { ReaderStart } from './jsonArrayReader.js';

export interface NdjsonReaderOptions {
  /** A line longer than this is reported invalid without being kept in memory. */
  maxLineBytes: number;
  /** Give lines as text (`type: 'line'`), to be parsed where they are evaluated (`parseLine`). */
  raw?: boolean;
}

/**
 * One NDJSON line's text → a record, or an unparsable item with JSON.parse's reason. `last`: the
 * line is the input's last and had no line end.
 */
export function parseLine(file: string, line: number, text: string, last: boolean): InputItem {
  try {
    return { type: 'record', file, line, value: JSON.parse(text) as unknown };
  } catch (error) {
    const hint = last ? ' (last line has no line end: cut off?)' : '';
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'unparsable', file, line, message: `not valid JSON: ${message}${hint}` };
  }
}

/**
 * Splits NDJSON bytes into lines as they arrive, in one pass over each byte (linear whatever the
 * line lengths or the number of blank lines). LF, CRLF and a lone CR (old Mac files) each end a
 * line; blank and whitespace-only lines are skipped but counted. A line longer than
 * `maxLineBytes` is dropped as it streams and reported as one invalid item.
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

  constructor(
    private readonly file: string,
    private readonly options: NdjsonReaderOptions,
    start: ReaderStart = { line: 1, afterCR: false },
  ) {
    // `line` counts completed lines; the current one is line + 1.
    this.line = start.line - 1;
    this.afterCR = start.afterCR;
  }

  push(chunk: Uint8Array): Array<InputItem | LineItem> {
    const out: Array<InputItem | LineItem> = [];
    let lineStart = 0;
    const length = chunk.length;
    for (let i = 0; i < length; i += 1) {
      const c = chunk[i] as number;
      if (c === 0x0a || c === 0x0d) {
        if (c === 0x0a && this.afterCR) {
          // The LF of a CRLF: the line already ended at the CR.
          this.afterCR = false;
          lineStart = i + 1;
          continue;
        }
        this.afterCR = c === 0x0d;
        this.endLine(chunk, lineStart, i, false, out);
        lineStart = i + 1;
        continue;
      }
      this.afterCR = false;
      if (!this.hasContent && c !== 0x20 && c !== 0x09) this.hasContent = true;
    }
    if (lineStart < length) this.keep(chunk, lineStart, length);
    return out;
  }

  end(): Array<InputItem | LineItem> {
    const out: Array<InputItem | LineItem> = [];
    if (this.partsBytes > 0 || this.overlong) this.endLine(new Uint8Array(0), 0, 0, true, out);
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
    this.parts.push(chunk.subarray(from, to));
    this.partsBytes += to - from;
  }

  private endLine(chunk: Uint8Array, from: number, to: number, last: boolean, out: Array<InputItem | LineItem>): void {
    this.line += 1;
    const hasContent = this.hasContent;
    this.hasContent = false;
    if (!hasContent) {
      this.reset();
      return;
    }
    if (this.overlong || this.partsBytes + (to - from) > this.options.maxLineBytes) {
      this.reset();
      out.push({
        type: 'unparsable',
        file: this.file,
        line: this.line,
        message: `line longer than ${this.options.maxLineBytes} bytes (--max-line-bytes); not read`,
      });
      return;
    }
    let text: string;
    if (this.parts.length === 0) text = Buffer.from(chunk.buffer, chunk.byteOffset + from, to - from).toString('utf8');
    else {
      this.parts.push(chunk.subarray(from, to));
      text = Buffer.concat(this.parts).toString('utf8');
    }
    this.reset();
    out.push(this.options.raw === true ? { type: 'line', file: this.file, line: this.line, text, last } : parseLine(this.file, this.line, text, last));
  }

  private reset(): void {
    this.parts = [];
    this.partsBytes = 0;
    this.overlong = false;
  }
}
