/**
 * A `check --jobs N` worker thread: builds the evaluator once, then turns batches of NDJSON line
 * bytes into rendered report bytes and summary counts (renderBatch.ts), one message per batch.
 * The bytes travel both ways as transferred ArrayBuffers (no copy, no string on the main thread).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEvaluator } from '../../evaluate.js';
import type { LineBatch } from './read/lineBatch.js';
import { createBatchRenderer, PIECE_BYTES } from './renderBatch.js';
import { ChunkPool } from './utf8Chunks.js';
import type { WorkerReply, WorkerSetup } from './workerPool.js';

const setup = workerData as WorkerSetup;
const evaluator = createEvaluator(setup.evaluator);
// Chunks the main thread has written come back with later batches, to be filled again (a
// 500-line batch renders to about 6; see SPARES_PER_BATCH in run.ts).
const pieces = new ChunkPool(PIECE_BYTES, 16);
const renderer = createBatchRenderer(setup.render, (record) => evaluator.evaluateSync(record), pieces);

parentPort?.on('message', (message: { id: number; batch: LineBatch; spares: ArrayBuffer[] }) => {
  for (const spare of message.spares) pieces.give(spare);
  const rendered = renderer.lines(message.batch);
  // The batch's bytes were decoded once (nothing refers to them now): they go back to be filled again.
  const input = message.batch.bytes.buffer as ArrayBuffer;
  const reply: WorkerReply = { id: message.id, rendered, input };
  parentPort?.postMessage(reply, [...rendered.output.map((piece) => piece.buffer as ArrayBuffer), input]);
});
