import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Sink } from './sink.js';
import { ChunkPool } from './utf8Chunks.js';

/** A slow Writable: each write takes a tick; records the most it ever had buffered. */
class SlowWritable extends Writable {
  mostBuffered = 0;
  received = 0;
  constructor() {
    super({ highWaterMark: 1024 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.mostBuffered = Math.max(this.mostBuffered, this.writableLength);
    this.received += chunk.length;
    setImmediate(callback);
  }
}

describe('Sink', () => {
  it('waits for drain, so the stream never holds more than one chunk beyond its mark', async () => {
    // Arrange
    const out = new SlowWritable();
    const sink = new Sink(out, 4096);
    // Act
    for (let i = 0; i < 2000; i += 1) await sink.write(`${'x'.repeat(99)}\n`);
    await sink.flush();
    // Assert
    expect(out.received).toBe(200_000);
    expect(out.mostBuffered).toBeLessThanOrEqual(4096 + 1024);
  });

  it('throws the stream error on the next write', async () => {
    const out = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const sink = new Sink(out, 1);
    await expect(
      (async () => {
        for (let i = 0; i < 5; i += 1) await sink.write('x');
      })(),
    ).rejects.toThrow(/EPIPE/);
  });

  it('with a pool, reuses each chunk once the stream has written it and writes the same bytes', async () => {
    // Arrange: a stream that copies what it is given (keeps no chunk), slowly.
    const copies: Buffer[] = [];
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, callback) {
        copies.push(Buffer.from(chunk));
        setImmediate(callback);
      },
    });
    const pool = new ChunkPool(4096, 8);
    const sink = new Sink(out, 4096, pool);
    const texts = Array.from({ length: 3000 }, (_, i) => `${i} 社区 ${'x'.repeat(i % 50)}\n`);
    const seen = new Set<ArrayBufferLike>();
    const taken: ArrayBufferLike[] = [];
    const take = pool.take.bind(pool);
    pool.take = () => {
      const chunk = take();
      taken.push(chunk.buffer);
      seen.add(chunk.buffer);
      return chunk;
    };
    // Act
    for (const text of texts) await sink.write(text);
    await sink.flush();
    // Assert
    expect(Buffer.concat(copies).toString('utf8')).toBe(texts.join(''));
    expect(taken.length).toBeGreaterThan(20);
    expect(seen.size).toBeLessThan(taken.length / 2);
  });
});
