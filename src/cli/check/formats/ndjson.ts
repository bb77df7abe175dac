import type { CreateFormatter } from '../formatter.js';
import { Sink } from '../sink.js';

/**
 * One result per line, as JSON, in input order; no summary (the exit code tells the outcome).
 * Memory stays flat whatever the number of records.
 *
 * @example {"line":2,"recordId":"SY-0002","city":"shenyang","kind":"community","valid":true,"findings":[…]}
 */
export const createNdjsonFormatter: CreateFormatter = (out) => {
  const sink = new Sink(out);
  return {
    async start() {},
    async result(result) {
      await sink.write(`${JSON.stringify(result)}\n`);
    },
    async end() {
      await sink.flush();
    },
    async abort() {},
  };
};
