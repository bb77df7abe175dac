/**
 * Bounded tallies the people-facing reports (table, html) keep while results stream by: unknown
 * findings grouped by the fact they miss, and the first invalid records with every error. Memory
 * is bounded by the number of fact paths the rules name and by `limit`, not by the input.
 */
import type { ValidationIssue } from '../../types.js';
import { isFileError, isSkipped, type CheckResult } from './result.js';

export interface MissingFactGroup {
  /** facts.emergency.plan */
  path: string;
  /** A record kind that misses it (labels can depend on the kind). */
  kind: string;
  /** Unknown findings that name this fact. */
  findings: number;
  /** Records with at least one such finding. */
  records: number;
  /** The checks left unknown by it (first few). */
  checks: string[];
  /** A few record ids, to look at. */
  examples: string[];
}

const CHECKS_KEPT = 5;
const EXAMPLES_KEPT = 3;

export class MissingFactTally {
  private readonly groups = new Map<string, MissingFactGroup>();

  add(result: CheckResult): void {
    if (isFileError(result) || isSkipped(result) || !result.valid) return;
    const seenInRecord = new Set<string>();
    for (const finding of result.findings) {
      if (finding.status !== 'unknown') continue;
      for (const path of finding.missing ?? []) {
        let group = this.groups.get(path);
        if (!group) {
          group = { path, kind: finding.kind, findings: 0, records: 0, checks: [], examples: [] };
          this.groups.set(path, group);
        }
        group.findings += 1;
        if (group.checks.length < CHECKS_KEPT && !group.checks.includes(finding.ruleId)) group.checks.push(finding.ruleId);
        if (!seenInRecord.has(path)) {
          seenInRecord.add(path);
          group.records += 1;
          if (group.examples.length < EXAMPLES_KEPT) group.examples.push(finding.recordId);
        }
      }
    }
  }

  /** The groups, most findings first. */
  list(): MissingFactGroup[] {
    return [...this.groups.values()].sort((a, b) => b.findings - a.findings || a.path.localeCompare(b.path));
  }
}

export interface InvalidRecordEntry {
  file?: string;
  line: number;
  index?: number;
  recordId: string | null;
  errors: ValidationIssue[];
}

/** The first `limit` invalid records with all their errors; `total` counts them all. */
export class InvalidRecordTally {
  readonly entries: InvalidRecordEntry[] = [];
  total = 0;

  constructor(private readonly limit: number) {}

  add(result: CheckResult): void {
    if (isFileError(result) || isSkipped(result) || result.valid) return;
    this.total += 1;
    if (this.entries.length >= this.limit) return;
    this.entries.push({
      ...(result.file !== undefined ? { file: result.file } : {}),
      line: result.line,
      ...(result.index !== undefined ? { index: result.index } : {}),
      recordId: result.recordId,
      errors: [...(result.errors ?? [])],
    });
  }
}
