import type { CreateFormatter } from '../formatter.js';
import type { CheckResult } from '../result.js';
import { Sink } from '../sink.js';

/** One result's line, line end included. */
export function renderNdjson(result: CheckResult): string {
  return `${JSON.stringify(result)}\n`;
}

/**
 * One result per line, as JSON, in input order; no summary (the exit code tells the outcome).
 * Memory stays flat whatever the number of records.
 *
 * @example {"line":2,"recordId":"SY-0002","city":"shenyang","kind":"community","valid":true,"findings":[…]}
 */
export const createNdjsonFormatter: CreateFormatter = (out, context) => {
  const sink = new Sink(out, undefined, context.chunks);
  return {
    async start() {},
    async result(result) {
      await sink.write(renderNdjson(result));
    },
    async writeRendered(data) {
      await sink.write(data);
    },
    async end() {
      await sink.flush();
    },
    async abort() {},
  };
};
