import { createInflateRaw, crc32 } from 'node:zlib';
import { fillPlaceholder } from '../../../locales/types.js';

/**
 * gzip decompression as `zcat` does it, streamed: every member of a multi-member file, and bytes
 * after the last member (trailing garbage) ignored but reported, never at the cost of what was
 * already decompressed (Node's own gunzip drops the last output on such an error). Each member's
 * CRC-32 and length are checked. A decompression bomb is stopped by `maxRatio`.
 */

export interface GunzipOptions {
  /**
   * Stop when the output exceeds this many times the compressed bytes read (once past
   * `RATIO_FLOOR_BYTES`); 0 turns the guard off.
   */
  maxRatio: number;
  /** Where a problem that ends reading without losing output is put (trailing garbage, cut-off data). */
  problems: string[];
}

/** Below this much output the ratio guard never fires (tiny files compress extremely well). */
export const RATIO_FLOOR_BYTES = 16 * 1024 * 1024;
/** Input is fed to zlib in slices of this size, so one step's output stays bounded (≤ ~1032×). */
const SLICE = 16 * 1024;

/** Thrown when the ratio guard stops a decompression. */
export class GzipBombError extends Error {
  override name = 'GzipBombError';
}

export async function* gunzip(chunks: AsyncIterable<Buffer>, options: GunzipOptions): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);
  let inputDone = false;
  let compressedIn = 0;
  let plainOut = 0;
  let members = 0;

  /** Reads until `pending` holds at least n bytes (or the input ends). */
  const fill = async (n: number): Promise<void> => {
    while (pending.length < n && !inputDone) {
      const next = await iterator.next();
      if (next.done) inputDone = true;
      else pending = pending.length === 0 ? next.value : Buffer.concat([pending, next.value]);
    }
  };

  try {
    for (;;) {
      await fill(10);
      if (pending.length === 0) return;
      if (pending[0] !== 0x1f || pending[1] !== 0x8b || pending[2] !== 8) {
        if (members === 0) throw Object.assign(new Error('not gzip data'), { code: 'Z_DATA_ERROR' });
        await reportTrailing();
        return;
      }
      const headerLength = await readHeader();
      if (headerLength === null) {
        options.problems.push('gzip data cut off (inside a member header)');
        return;
      }
      compressedIn += headerLength;
      pending = pending.subarray(headerLength);
      members += 1;

      // One member's deflate stream, fed in slices; output yielded as it comes.
      const inflate = createInflateRaw();
      const outputs: Buffer[] = [];
      let ended = false;
      let failure: Error | null = null;
      inflate.on('data', (data: Buffer) => outputs.push(data));
      inflate.on('end', () => {
        ended = true;
      });
      // zlib does not call a write's callback when that write's data is corrupt, only 'error': the
      // error wakes the write too, or the read waits forever (and node exits 0 with nothing said).
      let wake: (() => void) | null = null;
      inflate.on('error', (error: Error) => {
        failure = error;
        wake?.();
      });
      let crc = 0;
      let size = 0;
      let cut = false;
      try {
        while (!ended) {
          if (pending.length === 0) {
            await fill(1);
            if (pending.length === 0) {
              cut = true;
              break;
            }
          }
          const slice = pending.subarray(0, SLICE);
          const before = inflate.bytesWritten;
          await new Promise<void>((resolve) => {
            wake = resolve;
            inflate.write(slice, () => resolve());
          });
          // 'end' may come just after the write callback when this slice finished the member.
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (failure !== null) throw failure;
          const consumed = ended ? inflate.bytesWritten - before : slice.length;
          pending = pending.subarray(consumed);
          compressedIn += consumed;
          for (const output of outputs.splice(0)) {
            crc = crc32(output, crc);
            size += output.length;
            plainOut += output.length;
            if (options.maxRatio > 0 && plainOut > RATIO_FLOOR_BYTES && plainOut > options.maxRatio * compressedIn) {
              throw new GzipBombError(
                `gzip data expands over ${options.maxRatio} times (${plainOut} bytes out of ${compressedIn} read): stopped as a likely decompression bomb (see --max-gzip-ratio)`,
              );
            }
            yield output;
          }
        }
      } finally {
        inflate.destroy();
      }
      if (cut) {
        options.problems.push('gzip data cut off (unexpected end of file); the records before the cut were read');
        return;
      }
      const member = { crc, size };
      await fill(8);
      if (pending.length < 8) {
        options.problems.push('gzip data cut off (member trailer missing)');
        return;
      }
      const expectedCrc = pending.readUInt32LE(0);
      const expectedSize = pending.readUInt32LE(4);
      pending = pending.subarray(8);
      compressedIn += 8;
      if (expectedCrc !== member.crc || expectedSize !== member.size % 2 ** 32) {
        options.problems.push(`gzip member ${members} fails its CRC/length check: its data may be corrupt`);
      }
    }
  } finally {
    await iterator.return?.();
  }

  async function reportTrailing(): Promise<void> {
    // Zero bytes after the last member are padding (tape blocks), as gzip treats them.
    let garbage = 0;
    let onlyZeros = true;
    for (;;) {
      for (const byte of pending) if (byte !== 0) onlyZeros = false;
      garbage += pending.length;
      pending = Buffer.alloc(0);
      if (inputDone) break;
      await fill(1);
    }
    if (!onlyZeros) options.problems.push(`trailing garbage after the gzip data ignored (${fillPlaceholder(garbage, ['byte', 'bytes'])})`);
  }

  /** Length of the member header at the start of `pending`, or null when the input ends inside it. */
  async function readHeader(): Promise<number | null> {
    const flags = pending[3] as number;
    let at = 10;
    if (flags & 0x04) {
      await fill(at + 2);
      if (pending.length < at + 2) return null;
      at += 2 + pending.readUInt16LE(at);
    }
    for (const bit of [0x08, 0x10]) {
      if (!(flags & bit)) continue;
      for (;;) {
        await fill(at + 1);
        if (pending.length < at + 1) return null;
        const zero = pending.indexOf(0, at);
        if (zero !== -1) {
          at = zero + 1;
          break;
        }
        await fill(pending.length + 1);
        if (inputDone && pending.indexOf(0, at) === -1) return null;
      }
    }
    if (flags & 0x02) at += 2;
    await fill(at);
    return pending.length < at ? null : at;
  }
}
