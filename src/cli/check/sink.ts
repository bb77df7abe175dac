import type { Writable } from 'node:stream';
import { Utf8Chunks, type ChunkPool } from './utf8Chunks.js';

/**
 * Buffered output to a Writable that respects backpressure: text is encoded (UTF-8) straight into
 * chunks of `chunkSize` bytes (./utf8Chunks.ts), and a chunk is not written before the stream has
 * drained. Bytes already encoded (by a worker thread) are passed on as they are. A stream error
 * (EPIPE when the reader went away) is kept and thrown by the next write.
 *
 * With a `pool`, each chunk goes back to it once the stream has written it: only for streams that
 * keep nothing after their write callback (files, standard output), never for one that collects.
 */
export class Sink {
  private readonly chunks: Utf8Chunks;
  private failure: Error | undefined;

  constructor(
    private readonly out: Writable,
    chunkSize = 256 * 1024,
    private readonly pool?: ChunkPool,
  ) {
    this.chunks = new Utf8Chunks(chunkSize, pool);
    out.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Adds text or bytes; writes the chunks filled (waiting for drain). */
  async write(data: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (typeof data === 'string') this.chunks.append(data);
    else this.chunks.appendBytes(data);
    await this.send(this.chunks.takeFull());
  }

  /** Writes what has gathered and waits until the stream can take more. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    await this.send(this.chunks.takeAll());
  }

  private async send(chunks: readonly Uint8Array[]): Promise<void> {
    for (const chunk of chunks) {
      if (this.failure) throw this.failure;
      const pool = this.pool;
      const written = pool === undefined ? this.out.write(chunk) : this.out.write(chunk, () => pool.give(chunk.buffer));
      if (!written) await waitForDrain(this.out);
    }
    if (this.failure) throw this.failure;
  }
}

export function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onDrain);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onDrain);
  });
}
