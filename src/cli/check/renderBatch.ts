/**
 * The per-record work of `check` for the formats whose output for a record depends on that
 * record alone (ndjson, csv): raw NDJSON lines in, the report text and the summary counts out.
 * The main thread and the worker threads of `--jobs` run this same code, so their bytes are equal.
 */
import type { CityKey, EvaluationResult } from '../../types.js';
import { resultOf } from './batch.js';
import { renderCsv } from './formats/csv.js';
import { renderNdjson } from './formats/ndjson.js';
import type { InputItem } from './input.js';
import { parseLine } from './read/ndjsonReader.js';
import { isFileError, type CheckResult } from './result.js';
import { SummaryBuilder, type SummarySnapshot } from './summary.js';

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

/** Consecutive NDJSON lines of one file, not parsed yet (blank lines already skipped). */
export interface LineBatch {
  file: string;
  lines: string[];
  /** The physical line number of each line. */
  lineNumbers: number[];
  /** The batch's last line is the input's last and had no line end. */
  lastWithoutNewline: boolean;
}

/** The items of a batch, as the NDJSON reader gives them when it parses. */
export function* itemsOfLines(batch: LineBatch): Generator<InputItem> {
  const last = batch.lines.length - 1;
  for (let i = 0; i <= last; i += 1) {
    yield parseLine(batch.file, batch.lineNumbers[i]!, batch.lines[i]!, batch.lastWithoutNewline && i === last);
  }
}

export interface RenderedBatch {
  text: string;
  summary: SummarySnapshot;
  /** Messages of unreadable files, for stderr. */
  fileErrors: string[];
}

export interface BatchRenderer {
  lines(batch: LineBatch): RenderedBatch;
  items(items: Iterable<InputItem>): RenderedBatch;
}

export function createBatchRenderer(config: RenderConfig, evaluateSync: (record: unknown) => EvaluationResult): BatchRenderer {
  const options = { multiFile: config.multiFile, ...(config.city !== undefined ? { city: config.city } : {}) };
  const defaultFile = config.defaultFile;
  const render: (result: CheckResult) => string =
    config.format === 'csv' ? (result) => renderCsv(result, defaultFile) : renderNdjson;
  const items = (list: Iterable<InputItem>): RenderedBatch => {
    const summary = new SummaryBuilder(config.city);
    const fileErrors: string[] = [];
    let text = '';
    for (const item of list) {
      const result = resultOf(item, options, evaluateSync);
      summary.add(result);
      if (isFileError(result)) fileErrors.push(result.errors[0]?.message ?? `cannot read ${result.file}`);
      text += render(result);
    }
    return { text, summary: summary.snapshot(), fileErrors };
  };
  return { items, lines: (batch) => items(itemsOfLines(batch)) };
}
