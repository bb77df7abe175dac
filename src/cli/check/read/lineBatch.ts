/**
 * NDJSON lines gathered as bytes, not yet decoded nor parsed: the unit of work of `check` for
 * ndjson and csv. A batch is one buffer that owns its memory, so that it can be transferred to a
 * worker thread without a copy; the thread that evaluates it decodes it a few lines at a time
 * (`batchTexts`).
 */

/** When a batch is handed on: whichever limit is reached first. */
export interface LineBatchLimits {
  maxLines: number;
  /** Bytes of lines; a single longer line (up to --max-line-bytes) still makes a batch alone. */
  maxBytes: number;
  /** Where a batch's memory comes from: buffers of batches already rendered, handed back. */
  buffers?: BatchBuffers;
}

/**
 * The memory of rendered batches, to gather new batches in: with a fresh buffer per batch (a
 * million records: a thousand buffers of ~512 kB, freed by whichever thread's garbage collector
 * last held them), the process's memory crept up over the run. Only whole buffers a batch no
 * longer uses may be given back (`give`).
 */
export class BatchBuffers {
  private readonly free: ArrayBuffer[] = [];

  constructor(
    /** Spare buffers kept at most; more are left to the garbage collector. */
    private readonly keep = 8,
  ) {}

  give(buffer: ArrayBuffer): void {
    if (this.free.length < this.keep) this.free.push(buffer);
  }

  /** A spare buffer of at least `bytes`, or a fresh one of `bytes`. */
  take(bytes: number): Buffer {
    const spare = this.free.pop();
    return spare !== undefined && spare.byteLength >= bytes ? Buffer.from(spare) : Buffer.allocUnsafeSlow(bytes);
  }
}

/** Consecutive non-blank NDJSON lines of one file. */
export interface LineBatch {
  file: string;
  /**
   * The lines' UTF-8 bytes, each followed by LF (a line never holds CR or LF: they end lines). The
   * view may not cover all of its ArrayBuffer, which belongs to the batch alone.
   */
  bytes: Uint8Array;
  /** The physical line number of each line, in order. */
  lineNumbers: Float64Array;
  /** The batch's last line is the input's last and had no line end. */
  lastWithoutNewline: boolean;
}

const INITIAL_BYTES = 64 * 1024;

export class LineBatchBuilder {
  private bytes: Buffer;
  private used = 0;
  private lineNumbers: number[] = [];
  private lastWithoutNewline = false;

  constructor(
    private readonly file: string,
    private readonly limits: LineBatchLimits,
  ) {
    this.bytes = this.fresh(Math.min(INITIAL_BYTES, limits.maxBytes + 1));
  }

  private fresh(bytes: number): Buffer {
    return this.limits.buffers?.take(bytes) ?? Buffer.allocUnsafeSlow(bytes);
  }

  /** Appends one line: the bytes in `parts`, then chunk[from, to). */
  add(parts: readonly Uint8Array[], chunk: Uint8Array, from: number, to: number, line: number, last: boolean): void {
    let size = to - from + 1;
    for (const part of parts) size += part.length;
    this.reserve(size);
    for (const part of parts) {
      this.bytes.set(part, this.used);
      this.used += part.length;
    }
    this.bytes.set(chunk.subarray(from, to), this.used);
    this.used += to - from;
    this.bytes[this.used] = 0x0a;
    this.used += 1;
    this.lineNumbers.push(line);
    this.lastWithoutNewline = last;
  }

  full(): boolean {
    return this.lineNumbers.length >= this.limits.maxLines || this.used >= this.limits.maxBytes;
  }

  empty(): boolean {
    return this.lineNumbers.length === 0;
  }

  /** The lines gathered so far as a batch; the builder starts a new one in fresh memory. */
  take(): LineBatch {
    const batch: LineBatch = {
      file: this.file,
      bytes: this.bytes.subarray(0, this.used),
      lineNumbers: Float64Array.from(this.lineNumbers),
      lastWithoutNewline: this.lastWithoutNewline,
    };
    // The next batch is likely the same size: start there (but not at one huge line's size).
    const next = this.bytes.length <= this.limits.maxBytes * 2 ? this.bytes.length : Math.min(INITIAL_BYTES, this.limits.maxBytes + 1);
    this.bytes = this.fresh(next);
    this.used = 0;
    this.lineNumbers = [];
    this.lastWithoutNewline = false;
    return batch;
  }

  private reserve(size: number): void {
    if (this.used + size <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.used + size));
    this.bytes.copy(bigger, 0, 0, this.used);
    this.bytes = bigger;
  }
}

/**
 * A batch's text is decoded this many bytes of whole lines at a time. One string for a whole batch
 * (~160 kB for 500 lines) was over V8's largest young-generation object (128 kB), so each went
 * straight to the old generation: most of what the old generation collected in a run was batch
 * text (a sampling heap profile of 300k records: 70.8 MB of 165.6 MB), and the heap grew from
 * ~21 MB to ~95 MB between each of its collections. Smaller pieces are promoted less still (1M
 * records, --jobs 1, `--trace-gc-nvp`: 315 MB promoted in one string per batch, 157 MB at 32 kB,
 * 109 MB at 8 kB, 94 MB at 2 kB). At 8 kB peak RSS was 142–151 MB against 174–183 MB at 32 kB,
 * at the same speed (4 kB: a little slower).
 */
export const TEXT_PIECE_BYTES = 8 * 1024;

/**
 * The lines of a batch as text, in pieces of whole lines (each ending with LF) of at most
 * `pieceBytes` UTF-8 bytes; a longer line is a piece alone. Bytes that are not UTF-8 become U+FFFD
 * exactly as when each line is decoded alone: LF always ends a sequence.
 */
export function* batchTexts(batch: LineBatch, pieceBytes = TEXT_PIECE_BYTES): Generator<string> {
  const { bytes } = batch;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = buffer.length;
  let start = 0;
  while (start < length) {
    // The last line end within pieceBytes of start, else the end of the one long line there.
    let end = start + pieceBytes >= length ? length - 1 : buffer.lastIndexOf(0x0a, start + pieceBytes - 1);
    if (end < start) end = buffer.indexOf(0x0a, start);
    if (end === -1) end = length - 1;
    yield buffer.toString('utf8', start, end + 1);
    start = end + 1;
  }
}
