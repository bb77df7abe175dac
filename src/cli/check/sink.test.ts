import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Sink } from './sink.js';

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
});
