import { labelFact, labelOf, type Lang } from '../../../locales/label.js';
import { CITY_LABELS, KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../../locales/labels.js';
import { render } from '../../../locales/types.js';
import { UI } from '../../../locales/ui.js';
import { CITY_KEYS, type Finding, type ValidationIssue } from '../../../types.js';
import type { CreateFormatter } from '../formatter.js';
import { isFileError, isSkipped, positionLabel, type CheckResult } from '../result.js';
import { Sink } from '../sink.js';
import { terminalText as t } from '../terminalText.js';
import { INVALID_LISTED, type CheckSummary } from '../summary.js';
import { InvalidRecordTally, MissingFactTally, type MissingFactGroup } from '../tallies.js';
import { padEnd, padStart, truncate, wrap } from '../width.js';

export const TABLE_WIDTH = 100;

/**
 * For people at a terminal (the default when stdout is one), in the language of `--lang`: the
 * failing findings grouped by record, as they come; then a summary: counts, the unknown findings
 * grouped by the fact they miss (what to collect next), every invalid record with all its errors
 * (wrapped, never cut), the checks that fail most per city, and the exit code. Fits `width`
 * columns (default 100), CJK counted double.
 */
export const createTableFormatter: CreateFormatter = (out, context) => {
  const sink = new Sink(out);
  const width = context.width ?? TABLE_WIDTH;
  const lang: Lang = context.lang ?? 'en';
  const missing = new MissingFactTally();
  const invalid = new InvalidRecordTally(INVALID_LISTED);
  return {
    async start() {},
    async result(result) {
      missing.add(result);
      invalid.add(result);
      const text = recordBlock(result, width, lang);
      if (text !== '') await sink.write(text);
    },
    async end(summary) {
      await sink.write(summaryBlock(summary, width, lang, { missing: missing.list(), invalid }));
      await sink.flush();
    },
    async abort() {},
  };
};

/** The position of a result in the language: "line 3" / "第 3 行", "a.ndjson:3". */
function where(position: { file?: string; line: number; index?: number }, lang: Lang): string {
  if (position.file !== undefined || lang === 'en') return t(positionLabel(position));
  const base = render(UI.zh.line, { line: position.line });
  return position.index === undefined ? base : `${base} [${position.index}]`;
}

/** The lines for one record: empty unless one of its findings fails. */
export function recordBlock(result: CheckResult, width: number, lang: Lang = 'en'): string {
  if (isFileError(result) || isSkipped(result) || !result.valid) return '';
  const failing = result.findings.filter((f) => f.status === 'fail');
  if (failing.length === 0) return '';
  const what = [
    result.city !== undefined ? labelOf(CITY_LABELS, result.city, lang) : undefined,
    result.kind !== undefined ? labelOf(KIND_LABELS, result.kind, lang) : undefined,
  ]
    .filter((s) => s !== undefined)
    .join(' ');
  const lines = [truncate(`${t(result.recordId ?? UI[lang].noId)}  ${what}  ${where(result, lang)}`, width)];
  for (const finding of failing) lines.push(...findingLines(finding, width, lang));
  return `${lines.join('\n')}\n\n`;
}

function findingLines(finding: Finding, width: number, lang: Lang): string[] {
  const marker = finding.binding ? '' : `  ${UI[lang].nonBinding}`;
  const severity = labelOf(SEVERITY_LABELS, finding.severity, lang);
  const head = `  ✗ ${padEnd(severity, 9)} ${padEnd(finding.citation.label, 16)} ${finding.ruleId}${marker}`;
  const lines = [truncate(head, width)];
  const indent = '    ';
  for (const line of wrap(t(finding.message[lang]), width - indent.length)) lines.push(indent + line);
  return lines;
}

interface Extras {
  missing: MissingFactGroup[];
  invalid: InvalidRecordTally;
}

/** Kept short: a summary lists at most this many missing facts. */
const MISSING_LISTED = 30;

function errorText(error: ValidationIssue, lang: Lang): string {
  const text = lang === 'zh' ? (error.zh ?? error.message) : (error.en ?? error.message);
  return t(error.path === '' || lang === 'zh' ? text : `${error.path}: ${text}`);
}

export function summaryBlock(s: CheckSummary, width: number, lang: Lang = 'en', extras?: Extras): string {
  const ui = UI[lang];
  const labelWidth = lang === 'zh' ? 12 : 10;
  const lines: string[] = ['─'.repeat(width)];
  // A counts line wraps under its values: "Failing   violations 3 … ·\n          warnings 1 …".
  const counts = (label: string, values: string): void => {
    wrap(values, width - labelWidth).forEach((line, i) => lines.push(`${i === 0 ? padEnd(label, labelWidth) : ' '.repeat(labelWidth)}${line}`));
  };
  const cityNote = s.city !== undefined ? (lang === 'zh' ? `（非${labelOf(CITY_LABELS, s.city, lang)}）` : ` (not ${s.city})`) : '';
  const skipped = s.skipped > 0 || s.city !== undefined ? render(ui.skippedLine, { skipped: s.skipped }) + cityNote : '';
  counts(ui.records, render(ui.recordsLine, { records: s.records, valid: s.valid, invalid: s.invalid }) + skipped);
  const statuses = (['pass', 'fail', 'unknown', 'not-applicable'] as const)
    .map((status) => `${lang === 'en' ? status : labelOf(STATUS_LABELS, status, lang)} ${s.findings[status]}`)
    .join(' · ');
  counts(ui.findings, statuses);
  const v = s.failing.violation;
  const w = s.failing.warning;
  counts(
    ui.failing,
    render(ui.failingLine, {
      violations: v.binding + v.nonBinding,
      violationsNonBinding: v.nonBinding,
      warnings: w.binding + w.nonBinding,
      warningsNonBinding: w.nonBinding,
    }),
  );
  if (extras && extras.missing.length > 0) {
    lines.push('', ...wrap(ui.unknownByFact, width));
    for (const group of extras.missing.slice(0, MISSING_LISTED)) {
      const label = labelFact(group.path, lang, group.kind);
      lines.push(...wrapIndented(`${padStart(String(group.findings), 7)}  ${label}  (${group.path})`, width, 11));
      const detail = render(ui.unknownByFactLine, { findings: group.findings, records: group.records, examples: t(group.examples.join(', ')) });
      lines.push(...wrapIndented(`           ${detail}`, width, 11));
      lines.push(...wrapIndented(`           ${group.checks.join(', ')}`, width, 11));
    }
    if (extras.missing.length > MISSING_LISTED) lines.push(`  ${render(ui.unknownCap, { cap: MISSING_LISTED })}`);
  }
  if (s.unreadableFiles.length > 0) {
    lines.push('', ui.unreadableFiles);
    for (const u of s.unreadableFiles) lines.push(...wrapIndented(`  ${t(u.message)}`, width, 4));
  }
  if (s.invalid > 0) {
    lines.push('', ...wrap(ui.invalidRecords, width));
    if (extras) {
      for (const entry of extras.invalid.entries) {
        lines.push(truncate(`  ${where(entry, lang)}  ${t(entry.recordId ?? ui.noId)}`, width));
        for (const error of entry.errors) lines.push(...wrapIndented(`    • ${errorText(error, lang)}`, width, 6));
      }
    } else {
      for (const r of s.invalidRecords) lines.push(...wrapIndented(`  ${where(r, lang)}  ${t(r.recordId ?? ui.noId)}  ${t(r.error)}`, width, 4));
    }
    const listed = extras ? extras.invalid.entries.length : s.invalidRecords.length;
    if (s.invalid > listed) lines.push(`  ${render(ui.andMore, { count: s.invalid - listed })}`);
  }
  const cities = CITY_KEYS.filter((city) => (s.topFailingChecks[city] ?? []).length > 0);
  if (cities.length > 0) {
    lines.push('', ...wrap(ui.topChecks, width));
    for (const city of cities) {
      lines.push(`  ${labelOf(CITY_LABELS, city, lang)}`);
      for (const c of s.topFailingChecks[city] ?? []) {
        lines.push(truncate(`  ${padStart(String(c.failures), 7)}  ${padEnd(c.citation, 16)} ${c.checkId}`, width));
      }
    }
  }
  lines.push('');
  counts(ui.exitCode, `${s.exitCode}: ${exitReason(s, lang)}`);
  return `${lines.join('\n')}\n`;
}

/** Wraps a line, continuing under `indent` columns; nothing is cut. */
function wrapIndented(text: string, width: number, indent: number): string[] {
  const lead = /^ */.exec(text)?.[0].length ?? 0;
  const lines = wrap(text.slice(lead), width - Math.max(lead, indent));
  return lines.map((line, i) => ' '.repeat(i === 0 ? lead : indent) + line);
}

function exitReason(s: CheckSummary, lang: Lang): string {
  const ui = UI[lang];
  switch (s.exitCode) {
    case 0:
      return s.failOn === 'never' ? ui.exit0Never : render(ui.exit0, { failOn: s.failOn });
    case 1:
      return render(ui.exit1, { failOn: s.failOn });
    case 2:
      return ui.exit2;
    default:
      return ui.exitInterrupted;
  }
}
