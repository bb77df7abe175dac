/**
 * The per-record work of `check` for the formats whose output for a record depends on that
 * record alone (ndjson, csv): raw NDJSON lines in, the report text and the summary counts out.
 * The main thread and the worker threads of `--jobs` run this same code, so their bytes are equal.
 */
import type { CityKey, EvaluationResult } from '../../types.js';
import { resultOf } from './batch.js';
import { renderCsv } from './formats/csv.js';
import type { InputItem } from './input.js';
import { batchTexts, type LineBatch } from './read/lineBatch.js';
import { JsonBytes } from './jsonBytes.js';
import { parseLine } from './read/ndjsonReader.js';
import { isFileError, type CheckResult } from './result.js';
import { SummaryBuilder, type SummarySnapshot } from './summary.js';
import { Utf8Chunks, type ChunkPool } from './utf8Chunks.js';

/** The formats `renderBatch` can render. */
export const RENDERED_FORMATS = ['ndjson', 'csv'] as const;
export type RenderedFormat = (typeof RENDERED_FORMATS)[number];

export interface RenderConfig {
  format: RenderedFormat;
  city?: CityKey;
  multiFile: boolean;
  /** The single input's name, for csv's file column. */
  defaultFile?: string;
}

/** The items of a batch, as the NDJSON reader gives them when it parses. */
export function* itemsOfLines(batch: LineBatch): Generator<InputItem> {
  const { file, lineNumbers } = batch;
  const last = lineNumbers.length - 1;
  let i = 0;
  for (const text of batchTexts(batch)) {
    for (let from = 0, to = text.indexOf('\n'); to !== -1; from = to + 1, to = text.indexOf('\n', from)) {
      yield parseLine(file, lineNumbers[i]!, text.slice(from, to), batch.lastWithoutNewline && i === last);
      i += 1;
    }
  }
}

export interface RenderedBatch {
  /**
   * The report's bytes (UTF-8), in order, in pieces that own their memory (transferable from a
   * worker thread).
   */
  output: Uint8Array[];
  summary: SummarySnapshot;
  /** Messages of unreadable files, for stderr. */
  fileErrors: string[];
}

export interface BatchRenderer {
  lines(batch: LineBatch): RenderedBatch;
  items(items: Iterable<InputItem>): RenderedBatch;
}

/** Rendered output is handed on in pieces of this many bytes. */
export const PIECE_BYTES = 256 * 1024;

/**
 * Lines handled a group at a time: the group's lines are all parsed, then all evaluated, then all
 * written. Each phase's code and data stay hot in the CPU's caches: going through the three per
 * record was ~20% slower (one process, variants interleaved). Only a group's records and results
 * are held at once. 32, not 256: a group's records and results live long enough to be promoted
 * out of V8's young generation, so larger groups grow the old generation (1M records, --jobs 1,
 * scripts/bench-cli.ts: 256 lines peaked at 214.7 MB RSS, over the 200 MB limit; 32 at 178.9 MB
 * and 18,317 records/s; 1 line at 189.2 MB and 13,648 records/s).
 */
const GROUP = 32;

/** `pieces`: where the output's chunks come from (spares given back once written). */
export function createBatchRenderer(config: RenderConfig, evaluateSync: (record: unknown) => EvaluationResult, pieces?: ChunkPool): BatchRenderer {
  const options = { multiFile: config.multiFile, ...(config.city !== undefined ? { city: config.city } : {}) };
  const defaultFile = config.defaultFile;
  // The same bytes as renderCsv / renderNdjson's text encoded: csv encoded as it is made, ndjson
  // written as UTF-8 JSON straight away (./jsonBytes.ts).
  const json = new JsonBytes();
  const render: (result: CheckResult, output: Utf8Chunks) => void =
    config.format === 'csv'
      ? (result, output) => output.append(renderCsv(result, defaultFile))
      : (result, output) => {
          json.reset();
          json.write(result);
          json.byte(0x0a);
          output.appendCopy(json.bytes, json.length);
        };
  const items = (list: Iterable<InputItem>): RenderedBatch => {
    const summary = new SummaryBuilder(config.city);
    const fileErrors: string[] = [];
    const output = new Utf8Chunks(PIECE_BYTES, pieces);
    // A group's lines are parsed, then evaluated, then written, each phase in one loop.
    const group: InputItem[] = [];
    const results: CheckResult[] = [];
    const flush = (): void => {
      for (const item of group) results.push(resultOf(item, options, evaluateSync));
      for (const result of results) {
        summary.add(result);
        if (isFileError(result)) fileErrors.push(result.errors[0]?.message ?? `cannot read ${result.file}`);
        render(result, output);
      }
      group.length = 0;
      results.length = 0;
    };
    for (const item of list) {
      group.push(item);
      if (group.length === GROUP) flush();
    }
    flush();
    return { output: output.takeAll(), summary: summary.snapshot(), fileErrors };
  };
  return { items, lines: (batch) => items(itemsOfLines(batch)) };
}

