import { CITY_KEYS, type Finding } from '../../../types.js';
import type { CreateFormatter } from '../formatter.js';
import { isFileError, isSkipped, positionLabel, type CheckResult } from '../result.js';
import { Sink } from '../sink.js';
import type { CheckSummary } from '../summary.js';
import { displayWidth, padEnd, padStart, truncate, wrap } from '../width.js';

export const TABLE_WIDTH = 100;

/**
 * For people at a terminal (the default when stdout is one): the failing findings, grouped by
 * record, as they come; then a summary (counts, invalid records with their first error, the checks
 * that fail most per city, the exit code). Fits `width` columns (default 100), CJK counted double.
 */
export const createTableFormatter: CreateFormatter = (out, context) => {
  const sink = new Sink(out);
  const width = context.width ?? TABLE_WIDTH;
  return {
    async start() {},
    async result(result) {
      const text = recordBlock(result, width);
      if (text !== '') await sink.write(text);
    },
    async end(summary) {
      await sink.write(summaryBlock(summary, width));
      await sink.flush();
    },
    async abort() {},
  };
};

/** The lines for one record: empty unless one of its findings fails. */
export function recordBlock(result: CheckResult, width: number): string {
  if (isFileError(result) || isSkipped(result) || !result.valid) return '';
  const failing = result.findings.filter((f) => f.status === 'fail');
  if (failing.length === 0) return '';
  const what = [result.city, result.kind].filter((s) => s !== undefined).join(' ');
  const lines = [truncate(`${result.recordId ?? '(no id)'}  ${what}  ${positionLabel(result)}`, width)];
  for (const finding of failing) lines.push(...findingLines(finding, width));
  return `${lines.join('\n')}\n\n`;
}

function findingLines(finding: Finding, width: number): string[] {
  const marker = finding.binding ? '' : '  [non-binding]';
  const head = `  ✗ ${padEnd(finding.severity, 9)} ${padEnd(finding.citation.label, 16)} ${finding.ruleId}${marker}`;
  const lines = [truncate(head, width)];
  const indent = '    ';
  for (const text of [finding.message.zh, finding.message.en]) {
    for (const line of wrap(text, width - indent.length)) lines.push(indent + line);
  }
  return lines;
}

export function summaryBlock(s: CheckSummary, width: number): string {
  const lines: string[] = ['─'.repeat(width)];
  // A counts line wraps under its values: "Failing   violations 3 … ·\n          warnings 1 …".
  const counts = (label: string, values: string): void => {
    wrap(values, width - 10).forEach((line, i) => lines.push(`${i === 0 ? padEnd(label, 10) : ' '.repeat(10)}${line}`));
  };
  const skipped = s.skipped > 0 || s.city !== undefined ? ` · ${s.skipped} skipped${s.city !== undefined ? ` (not ${s.city})` : ''}` : '';
  counts('Records', `${s.records} read · ${s.valid} valid · ${s.invalid} invalid${skipped}`);
  counts(
    'Findings',
    `pass ${s.findings.pass} · fail ${s.findings.fail} · unknown ${s.findings.unknown} · not-applicable ${s.findings['not-applicable']}`,
  );
  const v = s.failing.violation;
  const w = s.failing.warning;
  counts(
    'Failing',
    `violations ${v.binding + v.nonBinding} (${v.nonBinding} non-binding) · warnings ${w.binding + w.nonBinding} (${w.nonBinding} non-binding)`,
  );
  if (s.unreadableFiles.length > 0) {
    lines.push('', 'Unreadable files');
    for (const u of s.unreadableFiles) lines.push(truncate(`  ${u.message}`, width));
  }
  if (s.invalidRecords.length > 0) {
    lines.push('', 'Invalid records');
    const positions = s.invalidRecords.map((r) => positionLabel(r));
    const ids = s.invalidRecords.map((r) => r.recordId ?? '(no id)');
    const column = Math.min(40, Math.max(...positions.map((p) => p.length)));
    const idColumn = Math.min(20, Math.max(...ids.map((id) => displayWidth(id))));
    s.invalidRecords.forEach((r, i) => {
      lines.push(truncate(`  ${padEnd(positions[i] ?? '', column)}  ${padEnd(ids[i] ?? '', idColumn)}  ${r.error}`, width));
    });
    if (s.invalid > s.invalidRecords.length) lines.push(`  … and ${s.invalid - s.invalidRecords.length} more`);
  }
  const cities = CITY_KEYS.filter((city) => (s.topFailingChecks[city] ?? []).length > 0);
  if (cities.length > 0) {
    lines.push('', 'Checks failing most, per city');
    for (const city of cities) {
      lines.push(`  ${city}`);
      for (const c of s.topFailingChecks[city] ?? []) {
        lines.push(truncate(`  ${padStart(String(c.failures), 7)}  ${padEnd(c.citation, 16)} ${c.checkId}`, width));
      }
    }
  }
  lines.push('');
  counts(`Exit code`, `${s.exitCode}: ${exitReason(s)}`);
  return `${lines.join('\n')}\n`;
}

function exitReason(s: CheckSummary): string {
  switch (s.exitCode) {
    case 0:
      return s.failOn === 'never' ? 'findings do not set the exit code (--fail-on never)' : `nothing fails at or above --fail-on ${s.failOn}`;
    case 1:
      return `findings fail at or above --fail-on ${s.failOn}`;
    case 2:
      return 'invalid records or unreadable files';
    default:
      return 'interrupted';
  }
}
