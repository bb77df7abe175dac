/**
 * The bytes of a stream still needed by a reader, addressed by absolute offset. Appending is
 * amortised linear (the buffer doubles); `release` drops what is no longer needed, so memory is
 * bounded by the longest span a reader keeps, not by the input.
 */
export class ByteWindow {
  private buffer = Buffer.alloc(64 * 1024);
  /** Absolute offset of buffer[0]. */
  private base = 0;
  /** Bytes held: absolute range [base + start, base + length). */
  private start = 0;
  private length = 0;

  /** Absolute offset one past the last byte held. */
  get end(): number {
    return this.base + this.length;
  }

  /** Absolute offset of the first byte held. */
  get first(): number {
    return this.base + this.start;
  }

  append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const live = this.length - this.start;
      if (live + chunk.length <= this.buffer.length / 2) {
        this.buffer.copy(this.buffer, 0, this.start, this.length);
      } else {
        const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, live + chunk.length));
        this.buffer.copy(bigger, 0, this.start, this.length);
        this.buffer = bigger;
      }
      this.base += this.start;
      this.start = 0;
      this.length = live;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  /** Forgets bytes before the absolute offset `upTo`. */
  release(upTo: number): void {
    const relative = Math.min(upTo - this.base, this.length);
    if (relative > this.start) this.start = relative;
    if (this.start === this.length) {
      this.base += this.length;
      this.start = 0;
      this.length = 0;
      if (this.buffer.length > 1024 * 1024) this.buffer = Buffer.alloc(64 * 1024);
    }
  }

  /** The underlying bytes and the offset to add to an absolute position to index them. */
  view(): { bytes: Buffer; shift: number } {
    return { bytes: this.buffer, shift: -this.base };
  }

  byteAt(absolute: number): number {
    return this.buffer[absolute - this.base] as number;
  }

  text(from: number, to: number): string {
    return this.buffer.toString('utf8', from - this.base, to - this.base);
  }
}
