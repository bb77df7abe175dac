/**
 * What changed between two runs of `check` over the same records: per record and check, fixed
 * (fail → pass or not-applicable), new failures (→ fail), still failing (fail → fail) and newly
 * unknown (→ unknown); records added, removed, and newly invalid. Records are matched by `id`; an
 * id given to several records matches them in order (the second before with the second after), so
 * no record is left out, and results without an id (a line that is not JSON) are counted, not
 * silently dropped. Memory: the BEFORE side is held as record id → check → status (small), AFTER
 * is streamed.
 */
import type { CityKey, FindingStatus, RecordKind, Severity } from '../../types.js';

export const FINDING_CHANGES = ['new-failure', 'newly-unknown', 'still-failing', 'fixed'] as const;
export type FindingChange = (typeof FINDING_CHANGES)[number];
export type RecordChange = 'added' | 'removed' | 'newly-invalid';

/** One check of one record whose status matters to an auditor. */
export interface FindingDiff {
  change: FindingChange;
  recordId: string;
  city?: CityKey;
  kind?: RecordKind;
  ruleId: string;
  citation: string;
  severity?: Severity;
  binding?: boolean;
  /** null when the record had no finding for the check before (a new check, or invalid then). */
  before: FindingStatus | null;
  after: FindingStatus;
  /** The AFTER message (for a fix: the BEFORE one, saying what was wrong). */
  message: { zh: string; en: string };
  missing?: string[];
}

export interface RecordDiff {
  change: RecordChange;
  recordId: string;
  city?: CityKey;
  kind?: RecordKind;
  /** Failing findings of an added record, or that a removed record had. */
  failing: number;
}

export interface DiffSummary {
  before: number;
  after: number;
  matched: number;
  counts: Record<FindingChange | RecordChange, number>;
  /** Results without a record id (a line that is not JSON, an id that is not a string): not compared. */
  withoutId: { before: number; after: number };
  /** Ids given to more than one record on that side: their records are matched in order of appearance. */
  repeatedIds: { before: number; after: number };
  /** 1 when there are new failures, else 0. */
  exitCode: number;
}

/** The part of a check result `diff` reads (ndjson/json output of `check`). */
export interface ResultLike {
  recordId: string | null;
  city?: CityKey;
  kind?: RecordKind;
  valid?: boolean;
  skipped?: boolean;
  fileError?: boolean;
  findings: Array<{
    ruleId: string;
    status: FindingStatus;
    severity?: Severity;
    binding?: boolean;
    citation?: { label?: string };
    message?: { zh: string; en: string };
    missing?: string[];
  }>;
}

interface BeforeFinding {
  status: FindingStatus;
  citation: string;
  message: { zh: string; en: string };
}

interface BeforeRecord {
  city?: CityKey;
  kind?: RecordKind;
  valid: boolean;
  findings: Map<string, BeforeFinding>;
  failing: number;
}

const EMPTY_MESSAGE = { zh: '', en: '' };

/** Collects BEFORE, then compares each AFTER result as it comes. */
export class Differ {
  /** Each id's BEFORE records, in order (almost always one). */
  private readonly before = new Map<string, BeforeRecord[]>();
  /** How many AFTER records had each id so far. */
  private readonly seenAfter = new Map<string, number>();
  private readonly withoutId = { before: 0, after: 0 };
  private readonly repeatedIds = { before: 0, after: 0 };
  private readonly counts: DiffSummary['counts'] = {
    'new-failure': 0,
    'newly-unknown': 0,
    'still-failing': 0,
    fixed: 0,
    added: 0,
    removed: 0,
    'newly-invalid': 0,
  };
  private beforeCount = 0;
  private afterCount = 0;
  private matched = 0;

  addBefore(result: ResultLike): void {
    if (result.fileError || result.skipped) return;
    if (typeof result.recordId !== 'string') {
      this.withoutId.before += 1;
      return;
    }
    this.beforeCount += 1;
    const findings = new Map<string, BeforeFinding>();
    let failing = 0;
    for (const f of result.findings) {
      findings.set(f.ruleId, { status: f.status, citation: f.citation?.label ?? '', message: f.message ?? EMPTY_MESSAGE });
      if (f.status === 'fail') failing += 1;
    }
    const record: BeforeRecord = {
      ...(result.city !== undefined ? { city: result.city } : {}),
      ...(result.kind !== undefined ? { kind: result.kind } : {}),
      valid: result.valid !== false,
      findings,
      failing,
    };
    const same = this.before.get(result.recordId);
    if (same === undefined) this.before.set(result.recordId, [record]);
    else {
      if (same.length === 1) this.repeatedIds.before += 1;
      same.push(record);
    }
  }

  /** The changes one AFTER result brings (record-level first). */
  compare(result: ResultLike): { findings: FindingDiff[]; records: RecordDiff[] } {
    if (result.fileError || result.skipped) return { findings: [], records: [] };
    if (typeof result.recordId !== 'string') {
      this.withoutId.after += 1;
      return { findings: [], records: [] };
    }
    const id = result.recordId;
    this.afterCount += 1;
    const occurrence = this.seenAfter.get(id) ?? 0;
    this.seenAfter.set(id, occurrence + 1);
    if (occurrence === 1) this.repeatedIds.after += 1;
    const where = { ...(result.city !== undefined ? { city: result.city } : {}), ...(result.kind !== undefined ? { kind: result.kind } : {}) };
    const failingNow = result.findings.filter((f) => f.status === 'fail').length;
    const previous = this.before.get(id)?.[occurrence];
    if (!previous) {
      this.counts.added += 1;
      return { findings: [], records: [{ change: 'added', recordId: id, ...where, failing: failingNow }] };
    }
    this.matched += 1;
    const records: RecordDiff[] = [];
    if (previous.valid && result.valid === false) {
      this.counts['newly-invalid'] += 1;
      records.push({ change: 'newly-invalid', recordId: id, ...where, failing: previous.failing });
    }
    const findings: FindingDiff[] = [];
    for (const f of result.findings) {
      const was = previous.findings.get(f.ruleId);
      const before = was?.status ?? null;
      const change = classify(before, f.status);
      if (change === undefined) continue;
      this.counts[change] += 1;
      findings.push({
        change,
        recordId: id,
        ...where,
        ruleId: f.ruleId,
        citation: f.citation?.label ?? was?.citation ?? '',
        ...(f.severity !== undefined ? { severity: f.severity } : {}),
        ...(f.binding !== undefined ? { binding: f.binding } : {}),
        before,
        after: f.status,
        message: change === 'fixed' ? (was?.message ?? EMPTY_MESSAGE) : (f.message ?? EMPTY_MESSAGE),
        ...(f.missing !== undefined ? { missing: f.missing } : {}),
      });
    }
    return { findings, records };
  }

  /** Records of BEFORE that AFTER does not have. Call once, after the last `compare`. */
  removed(): RecordDiff[] {
    const out: RecordDiff[] = [];
    for (const [id, records] of this.before) {
      for (const record of records.slice(this.seenAfter.get(id) ?? 0)) {
        this.counts.removed += 1;
        out.push({
          change: 'removed',
          recordId: id,
          ...(record.city !== undefined ? { city: record.city } : {}),
          ...(record.kind !== undefined ? { kind: record.kind } : {}),
          failing: record.failing,
        });
      }
    }
    return out;
  }

  summary(): DiffSummary {
    return {
      before: this.beforeCount,
      after: this.afterCount,
      matched: this.matched,
      counts: { ...this.counts },
      withoutId: { ...this.withoutId },
      repeatedIds: { ...this.repeatedIds },
      exitCode: this.counts['new-failure'] > 0 ? 1 : 0,
    };
  }
}

/** The change from one status to the next, or undefined when it is not worth reporting. */
export function classify(before: FindingStatus | null, after: FindingStatus): FindingChange | undefined {
  if (after === 'fail') return before === 'fail' ? 'still-failing' : 'new-failure';
  if (before === 'fail' && (after === 'pass' || after === 'not-applicable')) return 'fixed';
  if (after === 'unknown' && before !== 'unknown') return 'newly-unknown';
  return undefined;
}
