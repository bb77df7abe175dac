import type { CityKey, Finding, RecordKind, ValidationIssue } from '../../types.js';

/**
 * What `shequ-rules check` reports for one input record (or one unreadable file). Every non-blank
 * NDJSON line and every JSON array element yields exactly one result, in input order.
 */
interface ResultPosition {
  /** The input the record came from: present when several inputs were given ("<stdin>" for -). */
  file?: string;
  /** 1-based physical line in its file (for a JSON array element: the line where it starts). */
  line: number;
  /** JSON array input only: the element's 0-based position in the array. */
  index?: number;
  /** The record's `id`; null when the line is not JSON or has no string id. */
  recordId: string | null;
  city?: CityKey;
  kind?: RecordKind;
}

/** A record that was parsed and evaluated (or could not be parsed: `valid: false`, `errors`). */
export interface RecordResult extends ResultPosition {
  valid: boolean;
  /**
   * JSON array input: this invalid result stands for text that could not be delimited as one
   * element (a broken element; reading resumed at the next element boundary).
   */
  undelimited?: true;
  errors?: ValidationIssue[];
  findings: Finding[];
}

/** A record of another city than `--city`: counted and reported, never evaluated. */
export interface SkippedResult extends ResultPosition {
  skipped: true;
  findings: [];
}

/** A file that could not be read (missing, a directory, no permission, corrupt gzip). */
export interface FileErrorResult {
  file: string;
  /** 0: the error is about the file, not a line. */
  line: 0;
  recordId: null;
  valid: false;
  fileError: true;
  errors: ValidationIssue[];
  findings: [];
}

export type CheckResult = RecordResult | SkippedResult | FileErrorResult;

export function isSkipped(result: CheckResult): result is SkippedResult {
  return 'skipped' in result;
}

export function isFileError(result: CheckResult): result is FileErrorResult {
  return 'fileError' in result;
}

/** "file:line" (or "line 3" for a single input), with "[index]" for JSON array elements. */
export function positionLabel(position: { file?: string; line: number; index?: number }): string {
  const { file, line, index } = position;
  const where = file === undefined ? `line ${line}` : line === 0 ? file : `${file}:${line}`;
  return index === undefined ? where : `${where} [${index}]`;
}
