import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LineBatch, RenderConfig, RenderedBatch } from './renderBatch.js';

/** What a worker needs to build its evaluator and renderer (plain, cloneable data). */
export interface WorkerSetup {
  evaluator: { asOf?: string; allowUnknownKeys?: boolean };
  render: RenderConfig;
}

/** `--jobs auto`: one worker per core. */
export function autoJobs(): number {
  return Math.max(1, availableParallelism());
}

/** The worker script beside this module: built (dist/check-worker.js) or, under tsx, the source. */
function workerScript(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return { url: new URL('./worker.ts', here), execArgv: ['--import', 'tsx'] };
  return { url: new URL('./check-worker.js', here), execArgv: [] };
}

/**
 * Worker threads that render line batches. `run` hands a batch to the next worker in turn and
 * resolves with its rendering; callers await results in input order, so order is kept.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (r: RenderedBatch) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(size: number, setup: WorkerSetup) {
    const { url, execArgv } = workerScript();
    for (let i = 0; i < size; i += 1) {
      // A small young generation per worker keeps the process's peak RSS bounded (each isolate
      // would otherwise grow its own to V8's default).
      const worker = new Worker(url, { workerData: setup, execArgv, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
      worker.on('message', (message: { id: number; rendered: RenderedBatch }) => {
        const entry = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        entry?.resolve(message.rendered);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a check worker exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  run(batch: LineBatch): Promise<RenderedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, batch });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('worker pool closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const entry of this.waiting.values()) entry.reject(error);
    this.waiting.clear();
  }
}
