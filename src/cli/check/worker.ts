/**
 * A `check --jobs N` worker thread: builds the evaluator once, then turns batches of raw NDJSON
 * lines into rendered report text and summary counts (renderBatch.ts), one message per batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEvaluator } from '../../evaluate.js';
import { createBatchRenderer, type LineBatch } from './renderBatch.js';
import type { WorkerSetup } from './workerPool.js';

const setup = workerData as WorkerSetup;
const evaluator = createEvaluator(setup.evaluator);
const renderer = createBatchRenderer(setup.render, (record) => evaluator.evaluateSync(record));

parentPort?.on('message', (message: { id: number; batch: LineBatch }) => {
  parentPort?.postMessage({ id: message.id, rendered: renderer.lines(message.batch) });
});
