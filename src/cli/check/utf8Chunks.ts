const encoder = new TextEncoder();

/** Room for at least one character whatever its UTF-8 length. */
const MIN_CAPACITY = 16;

/**
 * Spare chunks of one size, to be filled again once written, so that memory stays flat: freed
 * ArrayBuffers are only returned to the system when the garbage collector runs, which a thread
 * that allocates little on its heap (the main thread with --jobs N) does rarely.
 */
export class ChunkPool {
  private readonly free: ArrayBuffer[] = [];

  constructor(
    readonly chunkBytes: number,
    /** Spare chunks kept at most; more are left to the garbage collector. */
    private readonly keep = 64,
  ) {}

  take(): Buffer {
    const spare = this.free.pop();
    return spare === undefined ? Buffer.allocUnsafeSlow(this.chunkBytes) : Buffer.from(spare);
  }

  /** A chunk nobody reads any more (written, or copied elsewhere); others are ignored. */
  give(buffer: ArrayBufferLike): void {
    if (buffer.byteLength === this.chunkBytes && buffer instanceof ArrayBuffer && this.free.length < this.keep) this.free.push(buffer);
  }

  /** Up to `max` spare chunks, to hand to another thread (transferred with a batch). */
  spares(max: number): ArrayBuffer[] {
    return this.free.splice(Math.max(0, this.free.length - max));
  }
}

/**
 * Text encoded as UTF-8 straight into chunks of `chunkBytes` bytes as it is appended, so that no
 * long string is built and encoded at the end (a long concatenation is a rope that encodes
 * slowly). Every chunk owns its memory: it can be transferred to another thread, or kept by a
 * stream after it was written. The bytes are those of `Buffer.from(text)` for the whole text.
 */
export class Utf8Chunks {
  private chunk: Buffer | null = null;
  private used = 0;
  private full: Uint8Array[] = [];
  private fullBytes = 0;

  private readonly chunkBytes: number;

  /** Chunks come from `pool` (its chunk size) when given. */
  constructor(
    chunkBytes = 256 * 1024,
    private readonly pool?: ChunkPool,
  ) {
    this.chunkBytes = pool?.chunkBytes ?? chunkBytes;
  }

  private fresh(): Buffer {
    return this.pool !== undefined ? this.pool.take() : Buffer.allocUnsafeSlow(Math.max(this.chunkBytes, MIN_CAPACITY));
  }

  /** Bytes appended and not taken yet. */
  get size(): number {
    return this.fullBytes + this.used;
  }

  append(text: string): void {
    let rest = text;
    for (;;) {
      const chunk = (this.chunk ??= this.fresh());
      const { read, written } = encoder.encodeInto(rest, this.used === 0 ? chunk : chunk.subarray(this.used));
      this.used += written;
      if (read === rest.length) break;
      // The chunk is full: close it and go on with the rest of the text in a new one.
      this.close();
      rest = rest.slice(read);
    }
    if (this.used >= this.chunkBytes) this.close();
  }

  /** Appends `text` and a line feed (no `text + '\\n'`: that concatenation is a copy to encode). */
  appendLine(text: string): void {
    this.append(text);
    if (this.chunk === null) this.chunk = this.fresh();
    this.chunk[this.used] = 0x0a;
    this.used += 1;
    if (this.used >= this.chunkBytes) this.close();
  }

  /** Appends bytes already encoded: copied when they are small, else taken as a chunk of their own. */
  appendBytes(bytes: Uint8Array): void {
    if (this.chunk !== null && this.used + bytes.length <= this.chunk.length) {
      this.chunk.set(bytes, this.used);
      this.used += bytes.length;
      this.pool?.give(bytes.buffer);
      if (this.used >= this.chunkBytes) this.close();
      return;
    }
    this.close();
    if (bytes.length >= this.chunkBytes / 4) {
      this.full.push(bytes);
      this.fullBytes += bytes.length;
      return;
    }
    this.chunk = this.fresh();
    this.chunk.set(bytes, 0);
    this.used = bytes.length;
    this.pool?.give(bytes.buffer);
  }

  /** Appends a copy of `bytes[0, length)` (the caller keeps `bytes`, to fill again). */
  appendCopy(bytes: Uint8Array, length: number): void {
    let from = 0;
    while (from < length) {
      const chunk = (this.chunk ??= this.fresh());
      const n = Math.min(length - from, chunk.length - this.used);
      chunk.set(from === 0 && n === bytes.length ? bytes : bytes.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
      if (this.used >= this.chunkBytes || this.used === chunk.length) this.close();
    }
  }

  /** The chunks filled so far (the one being filled stays). */
  takeFull(): Uint8Array[] {
    const out = this.full;
    this.full = [];
    this.fullBytes = 0;
    return out;
  }

  /** Every byte appended so far, in chunks. */
  takeAll(): Uint8Array[] {
    this.close();
    return this.takeFull();
  }

  private close(): void {
    if (this.chunk === null) return;
    if (this.used > 0) {
      this.full.push(this.chunk.subarray(0, this.used));
      this.fullBytes += this.used;
    } else this.pool?.give(this.chunk.buffer);
    this.chunk = null;
    this.used = 0;
  }
}
