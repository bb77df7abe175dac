import type { CreateFormatter } from '../formatter.js';
import { Sink } from '../sink.js';

/**
 * One JSON document `{ "results": [...], "summary": {...} }`, written as it goes (one result per
 * line inside the array), never built in memory.
 */
export const createJsonFormatter: CreateFormatter = (out) => {
  const sink = new Sink(out);
  let first = true;
  return {
    async start() {
      await sink.write('{"results":[');
    },
    async result(result) {
      await sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(result)}`);
      first = false;
    },
    async end(summary) {
      await sink.write(`${first ? '' : '\n'}],\n"summary":${JSON.stringify(summary)}}\n`);
      await sink.flush();
    },
    async abort() {},
  };
};
