import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchBuffers, LineBatch } from './read/lineBatch.js';
import type { RenderConfig, RenderedBatch } from './renderBatch.js';

/** What a worker needs to build its evaluator and renderer (plain, cloneable data). */
export interface WorkerSetup {
  evaluator: { asOf?: string; allowUnknownKeys?: boolean; explain?: boolean };
  render: RenderConfig;
}

/** A worker's answer to one batch: its output as UTF-8 pieces (transferred). */
export interface WorkerReply {
  id: number;
  rendered: RenderedBatch;
  /** The batch's buffer, handed back (transferred) once rendered, to gather another batch in. */
  input?: ArrayBuffer;
}

/**
 * Each worker's heap. A small young generation keeps the process's peak RSS bounded (each isolate
 * would otherwise grow its own to V8's default): 1M records, --jobs 2, six runs each alternated,
 * 4 MB peaked at 177.0–186.2 MB (one run 222.4 MB) against 191.9–197.4 MB (one 229.4 MB) at 8 MB,
 * in the same wall time; 2 MB was slower. The old generation's ceiling is far above what a
 * worker holds (the rules and one batch: tens of MB), but V8 sizes a heap's first collection
 * limits from it: under the default ceiling (a quarter of the machine's memory) each worker let
 * garbage pile up to ~20 MB more before collecting it (peak RSS with --jobs 2: 203 MB against 165
 * MB with this one, 100k records).
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 1024 } as const;

/** `--jobs auto`: one worker per core. */
export function autoJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The worker script beside this module: built (dist/cli/check/worker.js) or, from the sources (tests,
 * tsx), worker.ts behind a bootstrap that first registers tsx in the thread (a worker does not
 * inherit the main thread's loader, nor take `--import` in its execArgv).
 */
function workerScript(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./worker.js', here);
  const tsxDir = dirname(createRequire(here).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const worker = new URL('./worker.ts', here).href;
  const bootstrap = `const { tsImport } = await import(${JSON.stringify(api)}); await tsImport(${JSON.stringify(worker)}, ${JSON.stringify(here)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

/**
 * Worker threads that render line batches. `run` hands a batch (its memory transferred) to the
 * worker with the fewest batches in hand and resolves with its rendering; callers await results in
 * input order, so order is kept.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Batches sent to each worker and not answered yet. */
  private readonly busy: number[] = [];
  private readonly waiting = new Map<number, { worker: number; resolve: (r: RenderedBatch) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  /** `buffers`: where the batches' buffers go once the workers are done with them. */
  constructor(size: number, setup: WorkerSetup, buffers?: BatchBuffers) {
    const url = workerScript();
    for (let i = 0; i < size; i += 1) {
      const worker = new Worker(url, { workerData: setup, resourceLimits: WORKER_HEAP });
      worker.on('message', (message: WorkerReply) => {
        if (message.input !== undefined) buffers?.give(message.input);
        const entry = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (entry === undefined) return;
        this.busy[entry.worker] = (this.busy[entry.worker] ?? 1) - 1;
        entry.resolve(message.rendered);
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a check worker exited with code ${code}`));
      });
      this.workers.push(worker);
      this.busy.push(0);
    }
  }

  /** `spares`: written output chunks for the worker to fill again (transferred). */
  run(batch: LineBatch, spares: ArrayBuffer[] = []): Promise<RenderedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId;
    this.nextId += 1;
    let chosen = 0;
    for (let i = 1; i < this.workers.length; i += 1) if (this.busy[i]! < this.busy[chosen]!) chosen = i;
    this.busy[chosen] = this.busy[chosen]! + 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker: chosen, resolve, reject });
      const transfer = [batch.bytes.buffer as ArrayBuffer, batch.lineNumbers.buffer as ArrayBuffer, ...spares];
      this.workers[chosen]!.postMessage({ id, batch, spares }, transfer);
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
