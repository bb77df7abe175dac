import { CITY_KEYS, RECORD_KINDS, type CityKey, type EvaluationResult, type RecordKind } from '../../types.js';
import { fileErrorZh } from './fileErrorZh.js';
import type { InputItem } from './input.js';
import type { CheckResult, RecordResult } from './result.js';

/** The evaluator as `check` uses it (the contract of `src/evaluate.ts`): never throws. */
export interface Evaluator {
  evaluate(record: unknown): Promise<EvaluationResult>;
  /** The same, synchronously; used when present (no promise per record). */
  evaluateSync?(record: unknown): EvaluationResult;
}

export interface CheckBatchOptions {
  /** Only records of this city are evaluated; the others come out as `skipped`. */
  city?: CityKey;
  /** Records evaluated at once; results still come out in input order. Default 16. */
  concurrency?: number;
  /** Put `file` on every result (several inputs). File errors always carry it. */
  multiFile: boolean;
  signal?: AbortSignal;
}

export const DEFAULT_CONCURRENCY = 16;

/**
 * Records in, one result per record out, in input order. Up to `concurrency` evaluations run at
 * once; the window keeps memory bounded whatever the input size.
 */
export async function* checkBatch(
  items: AsyncIterable<InputItem>,
  evaluator: Evaluator,
  options: CheckBatchOptions,
): AsyncGenerator<CheckResult> {
  const evaluateSync = evaluator.evaluateSync?.bind(evaluator);
  if (evaluateSync) {
    for await (const item of items) {
      if (options.signal?.aborted) return;
      yield resultOf(item, options, evaluateSync);
    }
    return;
  }
  const window = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const queue: Promise<CheckResult>[] = [];
  for await (const item of items) {
    if (options.signal?.aborted) return;
    queue.push(toResult(item, evaluator, options));
    if (queue.length >= window) yield await (queue.shift() as Promise<CheckResult>);
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (options.signal?.aborted) return;
    yield await next;
  }
}

/** Never rejects: an evaluator that throws still yields an (invalid) result for the record. */
async function toResult(item: InputItem, evaluator: Evaluator, options: CheckBatchOptions): Promise<CheckResult> {
  const prepared = prepare(item, options);
  if (!('value' in prepared)) return prepared;
  let evaluation: EvaluationResult;
  try {
    evaluation = await evaluator.evaluate(prepared.value);
  } catch (error) {
    evaluation = evaluatorFailed(error);
  }
  return finish(prepared, evaluation);
}

/**
 * The result of one input item with a synchronous evaluator (the CLI's fast path and its worker
 * threads); the same result `checkBatch` gives for it.
 */
export function resultOf(
  item: InputItem,
  options: Pick<CheckBatchOptions, 'city' | 'multiFile'>,
  evaluateSync: (record: unknown) => EvaluationResult,
): CheckResult {
  const prepared = prepare(item, options);
  if (!('value' in prepared)) return prepared;
  let evaluation: EvaluationResult;
  try {
    evaluation = evaluateSync(prepared.value);
  } catch (error) {
    evaluation = evaluatorFailed(error);
  }
  return finish(prepared, evaluation);
}

function evaluatorFailed(error: unknown): EvaluationResult {
  const message = error instanceof Error ? error.message : String(error);
  const en = `evaluator failed: ${message}`;
  return { recordId: null, valid: false, errors: [{ path: '', message: en, code: 'evaluator-failed', zh: `检查程序出错：${message}`, en }], findings: [] };
}

interface Prepared {
  position: { file?: string; line: number; index?: number };
  /** What the record declares, read before evaluation only when --city needs it (else on demand). */
  declared: ReturnType<typeof declaredIdentity> | undefined;
  value: unknown;
}

/** A result already (unreadable, unparsable, skipped), or what evaluating the record needs. */
function prepare(item: InputItem, options: Pick<CheckBatchOptions, 'city' | 'multiFile'>): CheckResult | Prepared {
  if (item.type === 'unreadable') {
    return {
      file: item.file,
      line: 0,
      recordId: null,
      valid: false,
      fileError: true,
      errors: [{ path: '', message: item.message, code: 'unreadable', zh: fileErrorZh(item.message, item.file), en: item.message }],
      findings: [],
    };
  }
  // Key by key, no spreads: this runs per record.
  const position: Prepared['position'] = options.multiFile ? { file: item.file, line: item.line } : { line: item.line };
  if (item.index !== undefined) position.index = item.index;
  if (item.type === 'unparsable') {
    const error = item.issue
      ? { path: item.issue.path, message: item.message, code: item.issue.code, zh: item.issue.zh, en: item.message }
      : { path: '', message: item.message, code: 'not-json' as const, zh: `不是有效的 JSON（${item.message.replace(/^not valid JSON: /, '')}）`, en: item.message };
    return {
      ...position,
      recordId: item.issue?.recordId ?? null,
      valid: false,
      ...(item.undelimited ? { undelimited: true as const } : {}),
      errors: [error],
      findings: [],
    };
  }
  if (options.city === undefined) return { position, declared: undefined, value: item.value };
  const declared = declaredIdentity(item.value);
  if (declared.city !== undefined && declared.city !== options.city) {
    return { ...position, recordId: declared.id, city: declared.city, ...kindOf(declared.kind), skipped: true, findings: [] };
  }
  return { position, declared, value: item.value };
}

function finish({ position, declared: known, value }: Prepared, evaluation: EvaluationResult): CheckResult {
  // What the record declares fills in what the evaluation does not say (an invalid record, an evaluator that failed).
  const declared = evaluation.recordId != null && evaluation.city !== undefined && evaluation.kind !== undefined ? undefined : (known ?? declaredIdentity(value));
  const city = evaluation.city ?? declared?.city;
  const kind = evaluation.kind ?? declared?.kind;
  // Built key by key, in the order the report prints them (no spreads: this runs per record).
  const result = (position.file !== undefined ? { file: position.file, line: position.line } : { line: position.line }) as RecordResult;
  if (position.index !== undefined) result.index = position.index;
  result.recordId = evaluation.recordId ?? declared!.id;
  if (city !== undefined) result.city = city;
  if (kind !== undefined) result.kind = kind;
  result.valid = evaluation.valid;
  if (evaluation.errors !== undefined && evaluation.errors.length > 0) result.errors = evaluation.errors;
  result.findings = evaluation.findings;
  return result;
}

function kindOf(kind: RecordKind | undefined): { kind?: RecordKind } {
  return kind === undefined ? {} : { kind };
}

/**
 * The id, city and kind a record declares, read before validation (for `--city` and for placing
 * invalid records). Only a known city key counts: a misspelt city is evaluated (and so reported
 * invalid), never skipped.
 */
export function declaredIdentity(value: unknown): { id: string | null; city?: CityKey; kind?: RecordKind } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { id: null };
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' ? record.id : null;
  const city = (CITY_KEYS as readonly unknown[]).includes(record.city) ? (record.city as CityKey) : undefined;
  const kind = (RECORD_KINDS as readonly unknown[]).includes(record.kind) ? (record.kind as RecordKind) : undefined;
  return { id, ...(city !== undefined ? { city } : {}), ...(kind !== undefined ? { kind } : {}) };
}
