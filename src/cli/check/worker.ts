/**
 * A `check --jobs N` worker thread: builds the evaluator once, then turns batches of NDJSON line
 * bytes into rendered report bytes and summary counts (renderBatch.ts), one message per batch.
 * The bytes travel both ways as transferred ArrayBuffers (no copy, no string on the main thread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEvaluator } from '../../evaluate.js';
import type { LineBatch } from './read/lineBatch.js';
import { createBatchRenderer } from './renderBatch.js';
import type { WorkerReply, WorkerSetup } from './workerPool.js';

const setup = workerData as WorkerSetup;
const evaluator = createEvaluator(setup.evaluator);
const renderer = createBatchRenderer(setup.render, (record) => evaluator.evaluateSync(record));

parentPort?.on('message', (message: { id: number; batch: LineBatch }) => {
  const rendered = renderer.lines(message.batch);
  const reply: WorkerReply = { id: message.id, rendered };
  parentPort?.postMessage(reply, rendered.output.map((piece) => piece.buffer as ArrayBuffer));
});
