import type { Finding } from '../../../types.js';
import type { CreateFormatter } from '../formatter.js';
import { isFileError, isSkipped, type CheckResult } from '../result.js';
import { Sink } from '../sink.js';

export const CSV_COLUMNS = [
  'file',
  'line',
  'record_id',
  'city',
  'kind',
  'check_id',
  'status',
  'severity',
  'binding',
  'citation',
  'expected',
  'actual',
  'message_zh',
] as const;

/**
 * CSV (RFC 4180, CRLF line ends, UTF-8 BOM so that Excel shows Chinese): a header row, then one
 * row per finding. A record without findings still gets one row, so that every record appears:
 * status `invalid` (message: its errors), `skipped` (another city than --city) or `no-checks` (no
 * check of its city applies to its kind); an unreadable file gets one row with status `unreadable`.
 */
export const createCsvFormatter: CreateFormatter = (out, context) => {
  const sink = new Sink(out, undefined, context.chunks);
  return {
    async start() {
      await sink.write(`\uFEFF${csvRow(CSV_COLUMNS)}`);
    },
    async result(result) {
      await sink.write(renderCsv(result, context.defaultFile));
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

type Row = readonly string[];

/** One result's rows, line ends included. */
export function renderCsv(result: CheckResult, defaultFile?: string): string {
  let text = '';
  for (const row of csvRows(result, defaultFile)) text += csvRow(row);
  return text;
}

export function csvRows(result: CheckResult, defaultFile = ''): Row[] {
  const file = result.file ?? defaultFile;
  if (isFileError(result)) {
    return [[safe(file), '', '', '', '', '', 'unreadable', '', '', '', '', '', issues(result.errors)]];
  }
  const base = [safe(file), String(result.line), safe(result.recordId ?? ''), result.city ?? '', result.kind ?? ''];
  if (isSkipped(result)) return [[...base, '', 'skipped', '', '', '', '', '', '']];
  if (!result.valid) return [[...base, '', 'invalid', '', '', '', '', '', issues(result.errors ?? [])]];
  if (result.findings.length === 0) return [[...base, '', 'no-checks', '', '', '', '', '', '']];
  return result.findings.map((finding) => [...base, ...findingColumns(finding)]);
}

function findingColumns(finding: Finding): string[] {
  return [
    finding.ruleId,
    finding.status,
    finding.severity,
    String(finding.binding),
    finding.citation.label,
    finding.expected === undefined ? '' : String(finding.expected),
    finding.actual === undefined ? '' : String(finding.actual),
    finding.message.zh,
  ];
}

/** The errors in the message_zh column: in Chinese, each after its path (kept for filtering). */
function issues(errors: ReadonlyArray<{ path: string; zh: string }>): string {
  return errors.map((e) => (e.path === '' ? e.zh : `${e.path}: ${e.zh}`)).join('; ');
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR, LF at the start) gets a
 * leading apostrophe (OWASP CSV injection). Applied to every cell, since almost any cell can start
 * with submitted text (an id, a file name, an error naming a submitted key); a plain number such
 * as -3 stays a number.
 */
export function safe(text: string): string {
  return /^[=+\-@\t\r\n]/.test(text) && !/^[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; rows end in CRLF. Every cell made formula-safe. */
export function csvRow(fields: Row): string {
  return `${fields.map((field) => csvField(safe(field))).join(',')}\r\n`;
}

export function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
