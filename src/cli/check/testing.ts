/**
 * Test helpers for the check command (not part of the CLI): a fake evaluator with the contract of
 * src/evaluate.ts, findings built from a record's `facts.outcomes`, and in-memory streams.
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import { CITY_KEYS, RECORD_KINDS, type CheckId, type CityKey, type EvaluationResult, type Finding, type FindingStatus, type RecordKind, type Severity, type ValidationCode, type ValidationIssue } from '../../types.js';
import type { CliIO } from '../io.js';
import type { Evaluator } from './batch.js';
import type { CreateFormatter, FormatContext } from './formatter.js';
import type { CheckResult } from './result.js';
import { SummaryBuilder } from './summary.js';

export interface FakeOutcome {
  id: string;
  status: FindingStatus;
  severity?: Severity;
  binding?: boolean;
}

export function fakeFinding(recordId: string, city: CityKey, kind: RecordKind, outcome: FakeOutcome): Finding {
  const base = {
    recordId,
    // Fake ids (guiyang.check-3) stand for any check: the formatters treat ids as opaque.
    ruleId: outcome.id as CheckId,
    city,
    kind,
    severity: outcome.severity ?? 'violation',
    binding: outcome.binding ?? true,
    citation: { city, law: '测试条例', article: 10, paragraph: 1, label: '第十条第一款', text: '社区综合服务设施应当满足社区实际需要。' },
    message: { zh: `设施面积不足，"应"为620, 实为610`, en: `area too small, "required" 620, actual 610` },
  };
  switch (outcome.status) {
    case 'fail':
      return { ...base, status: 'fail', expected: 620, actual: 610 };
    case 'unknown':
      return { ...base, status: 'unknown', missing: ['facts.households'] };
    case 'not-applicable':
      return { ...base, status: 'not-applicable', reason: 'condition-not-met' };
    case 'pass':
      return { ...base, status: 'pass' };
  }
}

/**
 * Valid: an object with string id, known city and kind, and no `facts.invalid`. Findings: one per
 * `facts.outcomes` entry. `delayMs(record)` lets a test vary latency per record.
 */
/** A validation issue for fakes and fixtures; zh and en repeat the message. */
export function issue(path: string, message: string, code: ValidationCode = 'invalid'): ValidationIssue {
  return { path, message, code, zh: message, en: message };
}

export function fakeEvaluator(delayMs: (record: Record<string, unknown>) => number = () => 0): Evaluator & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    async evaluate(record: unknown): Promise<EvaluationResult> {
      calls.push(record);
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        return { recordId: null, valid: false, errors: [issue('', 'expected an object')], findings: [] };
      }
      const r = record as Record<string, unknown>;
      const wait = delayMs(r);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const id = typeof r.id === 'string' ? r.id : null;
      const facts = (r.facts ?? {}) as Record<string, unknown>;
      if (id === null) return { recordId: null, valid: false, errors: [issue('id', 'required')], findings: [] };
      if (!(CITY_KEYS as readonly unknown[]).includes(r.city)) {
        return { recordId: id, valid: false, errors: [issue('city', 'expected one of the five cities')], findings: [] };
      }
      if (!(RECORD_KINDS as readonly unknown[]).includes(r.kind)) {
        return { recordId: id, valid: false, errors: [issue('kind', 'unknown kind')], findings: [] };
      }
      if (facts.invalid !== undefined) {
        return { recordId: id, valid: false, errors: [issue('facts.households', 'expected integer >= 0')], findings: [] };
      }
      const city = r.city as CityKey;
      const kind = r.kind as RecordKind;
      const outcomes = Array.isArray(facts.outcomes) ? (facts.outcomes as FakeOutcome[]) : [];
      return { recordId: id, city, kind, valid: true, findings: outcomes.map((o) => fakeFinding(id, city, kind, o)) };
    },
  };
}

/** A Writable that keeps what it is given. */
export class Collector extends Writable {
  chunks: Buffer[] = [];
  constructor(highWaterMark = 16 * 1024) {
    super({ highWaterMark });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    callback();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export interface TestIO extends CliIO {
  stdout: Collector;
  stderr: Collector;
}

export function testIO(options: { stdin?: string | Buffer; cwd?: string; stdoutIsTTY?: boolean; stderrIsTTY?: boolean } = {}): TestIO {
  const stdin = options.stdin === undefined ? new PassThrough() : Readable.from([Buffer.from(options.stdin)]);
  if (options.stdin === undefined) (stdin as PassThrough).end();
  return {
    stdin,
    stdout: new Collector(),
    stderr: new Collector(),
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    cwd: options.cwd ?? process.cwd(),
  };
}

export function record(id: string, city: string, kind: string, facts: Record<string, unknown> = {}): string {
  return JSON.stringify({ id, city, kind, facts });
}

/** Every item of an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}


/** A small mixed set of results: failing, passing, invalid, unparsable, skipped, unreadable, no checks. */
export function sampleResults(): CheckResult[] {
  return [
    {
      line: 1,
      recordId: 'SY-0001',
      city: 'shenyang',
      kind: 'community',
      valid: true,
      findings: [
        fakeFinding('SY-0001', 'shenyang', 'community', { id: 'shenyang.10.1.facility-area', status: 'fail', binding: false }),
        fakeFinding('SY-0001', 'shenyang', 'community', { id: 'shenyang.10.2.party-station-area', status: 'pass', severity: 'warning' }),
        fakeFinding('SY-0001', 'shenyang', 'community', { id: 'shenyang.36.1.community-scale', status: 'unknown', severity: 'warning' }),
      ],
    },
    {
      line: 2,
      recordId: 'TH-0001',
      city: 'tonghua',
      kind: 'grid',
      valid: true,
      findings: [
        fakeFinding('TH-0001', 'tonghua', 'grid', { id: 'tonghua.14.1.grid-staffing', status: 'pass' }),
        fakeFinding('TH-0001', 'tonghua', 'grid', { id: 'tonghua.16.1.roster-posted', status: 'not-applicable' }),
      ],
    },
    { line: 4, recordId: null, valid: false, errors: [issue('', 'not valid JSON: Unexpected token \'x\', "x,y" is not valid JSON')], findings: [] },
    { line: 5, recordId: '=cmd|calc', city: 'guiyang', kind: 'community', valid: false, errors: [issue('facts.households', 'expected integer >= 0')], findings: [] },
    { line: 6, recordId: 'DL-0001', city: 'dalian', kind: 'grid', skipped: true, findings: [] },
    { line: 7, recordId: 'ZJK-0001', city: 'zhangjiakou', kind: 'inspection', valid: true, findings: [] },
    { file: 'missing.ndjson', line: 0, recordId: null, valid: false, fileError: true, errors: [issue('', 'cannot read missing.ndjson: no such file')], findings: [] },
  ];
}

/** Runs a formatter over results and returns its output. */
export async function format(create: CreateFormatter, results: CheckResult[], context: FormatContext = { failOn: 'violation' }): Promise<string> {
  const out = new Collector();
  const formatter = create(out, context);
  const summary = new SummaryBuilder(context.city);
  await formatter.start();
  for (const result of results) {
    summary.add(result);
    await formatter.result(result);
  }
  await formatter.end(summary.finish(context.failOn));
  return out.text;
}

/** A tiny RFC 4180 parser: quoted fields, doubled quotes, CRLF row ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('last row has no CRLF');
  return rows;
}
