import type { CheckEvaluatorOptions } from './check/run.js';
import type { Command } from './io.js';
import { EXIT_INTERRUPTED } from './check/exitCode.js';
import { runCheckWith } from './check/run.js';

/**
 * The library's evaluator, imported when a record is first evaluated on this thread: with --jobs N
 * the workers evaluate, and the main thread does not load the rules, the law text and the schemas.
 */
async function createEvaluator(options: CheckEvaluatorOptions) {
  return (await import('../evaluate.js')).createEvaluator(options);
}

/**
 * `shequ-rules check [FILE ...|-] [options]`: see `shequ-rules check --help` and docs/cli.md.
 * The first Ctrl-C stops reading, removes the --out temporary file and exits 130; a second one
 * exits at once.
 */
export const runCheck: Command = async (args, io) => {
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    return await runCheckWith(args, io, { createEvaluator, signal: controller.signal, threads: true });
  } finally {
    process.off('SIGINT', onSigint);
  }
};
