import type { Writable } from 'node:stream';

/**
 * Buffered text output to a Writable that respects backpressure: small writes are gathered into
 * chunks of about `chunkSize` characters, and a chunk is not written before the stream has drained.
 * A stream error (EPIPE when the reader went away) is kept and thrown by the next write.
 */
export class Sink {
  private parts: string[] = [];
  private size = 0;
  private failure: Error | undefined;

  constructor(
    private readonly out: Writable,
    private readonly chunkSize = 64 * 1024,
  ) {
    out.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** Adds text; writes a chunk (waiting for drain) once enough has gathered. */
  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.chunkSize) await this.flush();
  }

  /** Writes what has gathered and waits until the stream can take more. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.size === 0) return;
    const data = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.out.write(data)) await waitForDrain(this.out);
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
