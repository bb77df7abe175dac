import type { Writable } from 'node:stream';
import type { Lang } from '../../locales/label.js';
import type { CityKey } from '../../types.js';
import type { FailOn } from './exitCode.js';
import type { CheckResult } from './result.js';
import type { CheckSummary } from './summary.js';
import type { ChunkPool } from './utf8Chunks.js';

/**
 * One report format. Streaming: `start`, then `result` once per result in input order, then `end`
 * with the summary. Each call resolves once its output has been handed to the stream without
 * overfilling it (backpressure). Formatters write but never end the stream.
 */
export interface Formatter {
  start(): Promise<void>;
  result(result: CheckResult): Promise<void>;
  end(summary: CheckSummary): Promise<void>;
  /**
   * Formats whose output for a result depends on that result alone also take text rendered
   * elsewhere (a worker thread), written in order like `result`'s.
   */
  writeRendered?(data: string | Uint8Array): Promise<void>;
  /** Drops whatever the formatter keeps aside (temporary files); called on interruption or error. */
  abort(): Promise<void>;
}

export interface FormatContext {
  /** The `--city` filter, when given. */
  city?: CityKey;
  failOn: FailOn;
  /** The input's name when there is only one (results then carry no `file`): csv and junit show it. */
  defaultFile?: string;
  /** Language of the people-facing formats (table, html); machine formats carry both. Default en. */
  lang?: Lang;
  /** Display width for the table (columns). */
  width?: number;
  /**
   * Chunks for the output, to be given back once the stream has written them (run.ts gives one
   * only when the stream keeps nothing after writing: a file, standard output).
   */
  chunks?: ChunkPool;
  /** Where a formatter may keep temporary files (junit). Default: the OS temp directory. */
  tempDir?: string;
}

export type CreateFormatter = (out: Writable, context: FormatContext) => Formatter;
