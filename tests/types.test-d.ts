/**
 * Type tests of the public API (run by vitest's typecheck and by `tsc --noEmit`): they fail when a
 * type widens — a `ruleId` becoming `string`, a status no longer narrowing a finding, a misspelt
 * check id, parameter or fact compiling.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createEvaluator,
  evaluate,
  type CheckId,
  type CheckIdOf,
  type CityKey,
  type EvaluateOptions,
  type EvaluationResult,
  type ExplainedEvaluationResult,
  type Finding,
  type FindingTrace,
  evaluateSync,
  type NotApplicableReason,
  type RecordKind,
  type ReadonlyShequRecordInput,
  type ShequRecordInput,
  validateRecord,
  type ValidationIssue,
} from '../src/index.js';

declare const finding: Finding;
declare const result: EvaluationResult;

describe('Finding', () => {
  it('has a CheckId, not a string, as ruleId', () => {
    expectTypeOf(finding.ruleId).toEqualTypeOf<CheckId>();
    expectTypeOf<string>().not.toExtend<CheckId>();
    expectTypeOf<'shenyang.12.1.grid-size'>().toExtend<CheckId>();
    expectTypeOf<'shenyang.12.1.grid-sise'>().not.toExtend<CheckId>();
  });

  it('narrows on status: quantities on pass and fail, missing on unknown, reason on not-applicable', () => {
    if (finding.status === 'fail' || finding.status === 'pass') {
      expectTypeOf(finding.expected).toEqualTypeOf<number | undefined>();
      expectTypeOf(finding.actual).toEqualTypeOf<number | undefined>();
      expectTypeOf(finding.missing).toEqualTypeOf<undefined>();
      expectTypeOf(finding.reason).toEqualTypeOf<undefined>();
    }
    if (finding.status === 'unknown') {
      expectTypeOf(finding.missing).toEqualTypeOf<string[]>();
      expectTypeOf(finding.expected).toEqualTypeOf<undefined>();
    }
    if (finding.status === 'not-applicable') {
      expectTypeOf(finding.reason).toEqualTypeOf<NotApplicableReason>();
      expectTypeOf(finding.missing).toEqualTypeOf<undefined>();
    }
  });
});

describe('EvaluationResult', () => {
  it('narrows on valid', () => {
    if (result.valid) {
      expectTypeOf(result.recordId).toEqualTypeOf<string>();
      expectTypeOf(result.city).toEqualTypeOf<CityKey>();
      expectTypeOf(result.kind).toEqualTypeOf<RecordKind>();
      expectTypeOf(result.errors).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(result.recordId).toEqualTypeOf<string | null>();
      expectTypeOf(result.errors).toEqualTypeOf<ValidationIssue[]>();
      expectTypeOf(result.findings).toEqualTypeOf<[]>();
    }
  });
});

describe('evaluate', () => {
  it('checks a typed record literal and narrows the ruleIds to its city and kind', async () => {
    const typed = await evaluate({ id: 'GY-7', city: 'guiyang', kind: 'community', facts: { serviceFacilityAreaSqm: 750 } });
    if (typed.valid) expectTypeOf(typed.findings[0]!.ruleId).toEqualTypeOf<CheckIdOf<'guiyang', 'community'>>();
    expectTypeOf<CheckIdOf<'guiyang', 'community'>>().toExtend<`guiyang.${string}`>();

    // @ts-expect-error a misspelt fact of a typed record
    await evaluate({ id: 'GY-7', city: 'guiyang', kind: 'community', facts: { serviceFacilityArea: 750 } });
    // @ts-expect-error a fact of another kind
    await evaluate({ id: 'GY-7', city: 'guiyang', kind: 'grid', facts: { serviceFacilityAreaSqm: 750 } });
    // @ts-expect-error a misspelt kind
    await evaluate({ id: 'GY-7', city: 'guiyang', kind: 'comunity', facts: {} });
    // @ts-expect-error a misspelt city
    await evaluate({ id: 'GY-7', city: 'guiyan', kind: 'community', facts: {} });
  });

  it('accepts untyped input and returns the general result', async () => {
    const parsed: unknown = JSON.parse('{"id":"x"}');
    expectTypeOf(await evaluate(parsed)).toEqualTypeOf<EvaluationResult>();
    const loose = { id: 'x', city: 'guiyang', kind: 'community' as string };
    expectTypeOf(await evaluate(loose)).toEqualTypeOf<EvaluationResult>();
    expectTypeOf(await createEvaluator().evaluate(parsed)).toEqualTypeOf<EvaluationResult>();
  });
});

describe('readonly (as const) records', () => {
  const asConst = {
    id: 'SY-1',
    city: 'shenyang',
    kind: 'community',
    facts: { households: 1550, facilityComponents: ['serviceHall', 'policeOffice'], partyServiceStations: [{ areaSqm: 40 }] },
  } as const;

  it('accepts an as const record with array facts, in evaluate, evaluateSync, an evaluator and validateRecord', async () => {
    const typed = evaluateSync(asConst);
    if (typed.valid) expectTypeOf(typed.findings[0]!.ruleId).toEqualTypeOf<CheckIdOf<'shenyang', 'community'>>();
    const later = await evaluate(asConst, { asOf: '2024-01-01' });
    if (later.valid) expectTypeOf(later.findings[0]!.ruleId).toEqualTypeOf<CheckIdOf<'shenyang', 'community'>>();
    expectTypeOf(await createEvaluator({ explain: true }).evaluate(asConst)).toExtend<ExplainedEvaluationResult>();
    expectTypeOf(createEvaluator().evaluateSync(asConst)).toExtend<EvaluationResult>();
    expectTypeOf(validateRecord(asConst)).toEqualTypeOf<ReturnType<typeof validateRecord>>();
    expectTypeOf(asConst).toExtend<ReadonlyShequRecordInput>();
    // A mutable record is still accepted: the readonly input type is the wider one.
    expectTypeOf<ShequRecordInput>().toExtend<ReadonlyShequRecordInput>();
    const mutable = { id: 'SY-2', city: 'shenyang' as const, kind: 'community' as const, facts: { facilityComponents: ['serviceHall' as const] } };
    expectTypeOf(evaluateSync(mutable)).toExtend<EvaluationResult>();
    // Facts typed by an index signature have no key to check at compile time (checked at run time).
    const loose: Record<string, unknown> = {};
    expectTypeOf(evaluateSync({ id: 'SY-3', city: 'shenyang', kind: 'community', facts: loose })).toExtend<EvaluationResult>();
  });

  it('still rejects a misspelt key next to correct ones, in a literal or a variable, at any depth', () => {
    // @ts-expect-error a misspelt fact beside a correct one (plain assignability would let it through)
    evaluateSync({ id: 'SY-1', city: 'shenyang', kind: 'community', facts: { households: 1, serviceFacilityArea: 3 } });
    // @ts-expect-error an unknown top-level key
    evaluateSync({ id: 'SY-1', city: 'shenyang', kind: 'community', facts: {}, fact: {} });
    const misspelt = { id: 'SY-1', city: 'shenyang', kind: 'community', facts: { households: 1550, facilityComponent: ['serviceHall'] } } as const;
    // @ts-expect-error a misspelt array fact in an as const variable
    evaluateSync(misspelt);
    const deep = { id: 'SY-1', city: 'shenyang', kind: 'community', facts: { partyServiceStations: [{ areaSqm: 40, area: 40 }] } } as const;
    // @ts-expect-error a misspelt key inside an array element
    void evaluate(deep);
    // @ts-expect-error a value outside an array fact's enum
    evaluateSync({ id: 'SY-1', city: 'shenyang', kind: 'community', facts: { facilityComponents: ['serviceHal'] } } as const);
    // @ts-expect-error a fact of another kind, as const
    createEvaluator().evaluateSync({ id: 'SY-1', city: 'shenyang', kind: 'grid', facts: { households: 1, facilityComponents: [] } } as const);
  });
});

describe('evaluate with rule packs', () => {
  it('takes rules and returns results whose city and ruleId are strings', async () => {
    const rules = [{ name: 'sample.json', file: {} }];
    const parsed: unknown = JSON.parse('{}');
    expectTypeOf(evaluateSync(parsed, { rules })).toEqualTypeOf<EvaluationResult<string, string>>();
    expectTypeOf(await evaluate(parsed, { rules, asOf: '2024-01-01' })).toEqualTypeOf<EvaluationResult<string, string>>();
    expectTypeOf(evaluateSync(parsed, { rules, explain: true })).toEqualTypeOf<ExplainedEvaluationResult<string, string>>();
    // @ts-expect-error parameters of packs are checked at run time, but still numbers
    evaluateSync(parsed, { rules, parameters: { 'sample.2.1.grid-size': { households: '250' } } });
  });
});

describe('EvaluateOptions.parameters', () => {
  it('is typed per check id and parameter name', () => {
    expectTypeOf({ parameters: { 'shenyang.12.1.grid-size': { tolerance: 0.1 } } }).toExtend<EvaluateOptions>();
    expectTypeOf({ parameters: { 'shenyang.12.1.grid-size': { households: 250, tolerance: 0.1 } } }).toExtend<EvaluateOptions>();
    expectTypeOf({ parameters: { 'guiyang.37.1.premises-area': { minimumSqm: 700 } } }).toExtend<EvaluateOptions>();
    // @ts-expect-error a misspelt check id
    createEvaluator({ parameters: { 'shenyang.12.1.grid-sise': { tolerance: 0.1 } } });
    // @ts-expect-error a check without parameters
    createEvaluator({ parameters: { 'guiyang.17.1.consultation-body': { tolerance: 0.1 } } });
    // @ts-expect-error a misspelt parameter
    createEvaluator({ parameters: { 'shenyang.12.1.grid-size': { tolerence: 0.1 } } });
    // @ts-expect-error a value that is not a number
    createEvaluator({ parameters: { 'shenyang.12.1.grid-size': { tolerance: '10%' } } });
  });
});

describe('explain', () => {
  const record = { id: 'TH-G-1', city: 'tonghua', kind: 'grid', facts: { gridHeads: 1 } } as const;

  it('types the trace only when explain is on', async () => {
    const explained = await evaluate(record, { explain: true });
    if (explained.valid) {
      const finding = explained.findings[0]!;
      if (finding.status === 'fail') expectTypeOf(finding.trace).toEqualTypeOf<FindingTrace>();
      if (finding.status === 'not-applicable') expectTypeOf(finding.trace).toEqualTypeOf<FindingTrace | undefined>();
      expectTypeOf(finding.ruleId).toEqualTypeOf<CheckIdOf<'tonghua', 'grid'>>();
    }
    const plain = evaluateSync(record);
    // @ts-expect-error no trace without explain
    if (plain.valid) void plain.findings[0]!.trace;
    const parsed: unknown = JSON.parse('{}');
    expectTypeOf(createEvaluator({ explain: true }).evaluateSync(parsed)).toEqualTypeOf<ExplainedEvaluationResult>();
    expectTypeOf(createEvaluator({ explain: false }).evaluateSync(parsed)).toEqualTypeOf<EvaluationResult>();
  });

  it('types every node of the trace with its truth', () => {
    const trace = {} as FindingTrace;
    expectTypeOf(trace.passesWhen.truth).toEqualTypeOf<boolean | 'unknown'>();
    const node = trace.passesWhen;
    if ('all' in node) expectTypeOf(node.all).toEqualTypeOf<FindingTrace['passesWhen'][]>();
    if ('operator' in node) {
      expectTypeOf(node.fact).toEqualTypeOf<string>();
      expectTypeOf(node.actual).toEqualTypeOf<unknown>();
      expectTypeOf(node.missing).toEqualTypeOf<string[] | undefined>();
    }
  });
});
