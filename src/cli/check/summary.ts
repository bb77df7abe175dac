import type { CityKey, FindingStatus } from '../../types.js';
import { exitCode, type FailOn } from './exitCode.js';
import { isFileError, isSkipped, type CheckResult } from './result.js';

/** Counts of a run; bounded in size whatever the number of records. */
export interface CheckSummary {
  /** Records read: non-blank NDJSON lines and JSON array elements (unreadable files excluded). */
  records: number;
  valid: number;
  invalid: number;
  /** JSON array input: broken stretches that could not be delimited as elements (counted in `invalid`). */
  undelimited: number;
  /** Records of another city than `--city`: not evaluated, still reported. */
  skipped: number;
  /** The `--city` filter, when given. */
  city?: CityKey;
  unreadableFiles: Array<{ file: string; message: string }>;
  /** The first invalid records (at most INVALID_LISTED), with their first error. */
  invalidRecords: Array<{ file?: string; line: number; index?: number; recordId: string | null; error: string }>;
  /** Findings per status. */
  findings: Record<FindingStatus, number>;
  /** `fail` findings by severity, split by binding (drafts and Tonghua rural communities are not). */
  failing: Record<'violation' | 'warning', { binding: number; nonBinding: number }>;
  /** Per city, the checks that fail most often (at most TOP_CHECKS each), most frequent first. */
  topFailingChecks: Partial<Record<CityKey, Array<{ checkId: string; citation: string; failures: number }>>>;
  failOn: FailOn;
  exitCode: number;
}

export const INVALID_LISTED = 100;

/** A `SummaryBuilder`'s counts as plain, cloneable data. */
export interface SummarySnapshot {
  records: number;
  valid: number;
  invalid: number;
  skipped: number;
  unreadable: CheckSummary['unreadableFiles'];
  invalidList: CheckSummary['invalidRecords'];
  statuses: Record<FindingStatus, number>;
  failing: CheckSummary['failing'];
  failuresByCheck: Array<[string, { city: CityKey; citation: string; failures: number }]>;
}
export const TOP_CHECKS = 5;

/** Accumulates results one by one (streaming); `finish` gives the summary and the exit code. */
export class SummaryBuilder {
  records = 0;
  valid = 0;
  invalid = 0;
  undelimited = 0;
  skipped = 0;
  private readonly unreadable: CheckSummary['unreadableFiles'] = [];
  private readonly invalidList: CheckSummary['invalidRecords'] = [];
  private readonly statuses: Record<FindingStatus, number> = { pass: 0, fail: 0, 'not-applicable': 0, unknown: 0 };
  private readonly failing: CheckSummary['failing'] = {
    violation: { binding: 0, nonBinding: 0 },
    warning: { binding: 0, nonBinding: 0 },
  };
  private readonly failuresByCheck = new Map<string, { city: CityKey; citation: string; failures: number }>();

  constructor(private readonly city?: CityKey) {}

  add(result: CheckResult): void {
    if (isFileError(result)) {
      this.unreadable.push({ file: result.file, message: result.errors[0]?.message ?? '' });
      return;
    }
    this.records += 1;
    if (isSkipped(result)) {
      this.skipped += 1;
      return;
    }
    if (!result.valid) {
      this.invalid += 1;
      if (result.undelimited === true) this.undelimited += 1;
      if (this.invalidList.length < INVALID_LISTED) {
        const first = result.errors?.[0];
        this.invalidList.push({
          ...(result.file !== undefined ? { file: result.file } : {}),
          line: result.line,
          ...(result.index !== undefined ? { index: result.index } : {}),
          recordId: result.recordId,
          error: first === undefined ? 'invalid' : first.path === '' ? first.message : `${first.path}: ${first.message}`,
        });
      }
      return;
    }
    this.valid += 1;
    for (const finding of result.findings) {
      this.statuses[finding.status] += 1;
      if (finding.status !== 'fail') continue;
      this.failing[finding.severity][finding.binding ? 'binding' : 'nonBinding'] += 1;
      const entry = this.failuresByCheck.get(finding.ruleId);
      if (entry) entry.failures += 1;
      else this.failuresByCheck.set(finding.ruleId, { city: finding.city, citation: finding.citation.label, failures: 1 });
    }
  }

  /**
   * The counts so far, as plain data (a worker thread sends them back with its batch); `merge`
   * adds them to another builder. Merging batches in input order equals adding their results.
   */
  snapshot(): SummarySnapshot {
    return {
      records: this.records,
      valid: this.valid,
      invalid: this.invalid,
      skipped: this.skipped,
      unreadable: [...this.unreadable],
      invalidList: [...this.invalidList],
      statuses: { ...this.statuses },
      failing: structuredClone(this.failing),
      failuresByCheck: [...this.failuresByCheck.entries()].map(([id, entry]) => [id, { ...entry }]),
    };
  }

  merge(other: SummarySnapshot): void {
    this.records += other.records;
    this.valid += other.valid;
    this.invalid += other.invalid;
    this.skipped += other.skipped;
    this.unreadable.push(...other.unreadable);
    for (const entry of other.invalidList) {
      if (this.invalidList.length >= INVALID_LISTED) break;
      this.invalidList.push(entry);
    }
    for (const status of Object.keys(this.statuses) as FindingStatus[]) this.statuses[status] += other.statuses[status];
    for (const severity of ['violation', 'warning'] as const) {
      this.failing[severity].binding += other.failing[severity].binding;
      this.failing[severity].nonBinding += other.failing[severity].nonBinding;
    }
    for (const [id, entry] of other.failuresByCheck) {
      const mine = this.failuresByCheck.get(id);
      if (mine) mine.failures += entry.failures;
      else this.failuresByCheck.set(id, { ...entry });
    }
  }

  finish(failOn: FailOn, interrupted = false): CheckSummary {
    const topFailingChecks: CheckSummary['topFailingChecks'] = {};
    const sorted = [...this.failuresByCheck.entries()].sort((a, b) => b[1].failures - a[1].failures || a[0].localeCompare(b[0]));
    for (const [checkId, { city, citation, failures }] of sorted) {
      const list = (topFailingChecks[city] ??= []);
      if (list.length < TOP_CHECKS) list.push({ checkId, citation, failures });
    }
    const code = exitCode(
      {
        interrupted,
        unreadableFiles: this.unreadable.length,
        invalidRecords: this.invalid,
        failingViolations: this.failing.violation.binding + this.failing.violation.nonBinding,
        failingWarnings: this.failing.warning.binding + this.failing.warning.nonBinding,
      },
      failOn,
    );
    return {
      records: this.records,
      valid: this.valid,
      invalid: this.invalid,
      undelimited: this.undelimited,
      skipped: this.skipped,
      ...(this.city !== undefined ? { city: this.city } : {}),
      unreadableFiles: [...this.unreadable],
      invalidRecords: [...this.invalidList],
      findings: { ...this.statuses },
      failing: structuredClone(this.failing),
      topFailingChecks,
      failOn,
      exitCode: code,
    };
  }
}
