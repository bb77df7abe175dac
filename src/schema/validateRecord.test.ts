import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, type ValidationIssue } from '../types.js';
import { recordArbitraries, recordArbitrary } from './arbitraries.js';
import { EXAMPLE_RECORDS } from './examples.js';
import { validateRecord } from './validateRecord.js';

/** A valid community record with the given facts. */
function community(facts: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'SY-0001', city: 'shenyang', kind: 'community', asOf: '2024-03-01', facts, ...extra };
}

function grid(facts: Record<string, unknown>): Record<string, unknown> {
  return { id: 'TH-G-1', city: 'tonghua', kind: 'grid', facts };
}

/** Path and English message of each error (code, zh and en have their own tests below). */
type PathAndMessage = Pick<ValidationIssue, 'path' | 'message'>;

function errorsOf(input: unknown, options?: { allowUnknownKeys?: boolean }): PathAndMessage[] {
  const result = validateRecord(input, options);
  return result.ok ? [] : result.errors.map(({ path, message }) => ({ path, message }));
}

describe('validateRecord: valid records', () => {
  it.each(RECORD_KINDS)('accepts the worked %s example', (kind) => {
    // Arrange
    const input = EXAMPLE_RECORDS[kind];
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result).toMatchObject({ ok: true, record: { id: input.id, kind } });
  });

  it('accepts the example of the spec', () => {
    // Arrange
    const input = community({ households: 1550, serviceFacilityAreaSqm: 610 });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result).toEqual({
      ok: true,
      record: {
        id: 'SY-0001',
        city: 'shenyang',
        kind: 'community',
        asOf: '2024-03-01',
        facts: { setting: 'urban', households: 1550, serviceFacilityAreaSqm: 610 },
      },
    });
  });

  it('accepts a record whose every fact is absent', () => {
    // Arrange
    const input = { id: 'X', city: 'dalian', kind: 'governmentBudget', facts: {} };
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result).toEqual({ ok: true, record: { id: 'X', city: 'dalian', kind: 'governmentBudget', facts: {} } });
  });

  it('accepts object facts whose members are all absent', () => {
    // Arrange
    const input = community({ emergency: {}, utilityTariffs: {}, establishment: {} });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result.ok).toBe(true);
  });

  it('accepts an id of exactly 200 characters', () => {
    // Arrange
    const input = community({}, { id: 'a'.repeat(200) });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result.ok).toBe(true);
  });

  it('accepts 29 February of a leap year', () => {
    // Arrange
    const input = community({}, { asOf: '2024-02-29' });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result.ok).toBe(true);
  });

  it('accepts no in-person visit (fully online) and rejects a negative count', () => {
    // Arrange
    const record = (visits: number) => ({ id: 'Z', city: 'zhangjiakou', kind: 'orgRegistration', facts: { visits } });
    // Act
    const none = errorsOf(record(0));
    const negative = errorsOf(record(-1));
    // Assert
    expect(none).toEqual([]);
    expect(negative).toEqual([{ path: 'facts.visits', message: 'expected integer >= 0, got -1' }]);
  });

  it('accepts null for a milestone not reached and rejects a non-date', () => {
    // Arrange
    const record = (facility: unknown) => ({ id: 'P', city: 'dalian', kind: 'residentialProject', facts: { facility } });
    // Act
    const notReached = errorsOf(record({ delivery: null }));
    const wrong = errorsOf(record({ delivery: 'soon' }));
    // Assert
    expect(notReached).toEqual([]);
    expect(wrong.map((e) => e.path)).toEqual(['facts.facility.delivery']);
  });
});

describe('validateRecord: defaults', () => {
  it('sets a community setting to urban when it is absent', () => {
    // Arrange
    const input = community({ households: 10 });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result.ok && result.record.kind === 'community' && result.record.facts.setting).toBe('urban');
  });

  it('keeps a rural setting as given', () => {
    // Arrange
    const input = community({ setting: 'rural' });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result.ok && result.record.kind === 'community' && result.record.facts.setting).toBe('rural');
  });

  it('sets a grid type to comprehensive when it is absent', () => {
    // Arrange
    const input = grid({ households: 300 });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result.ok && result.record.kind === 'grid' && result.record.facts.type).toBe('comprehensive');
  });

  it('treats absent facts as empty facts, with their defaults', () => {
    // Arrange
    const input = { id: 'SY-1', city: 'shenyang', kind: 'community' };
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result).toEqual({
      ok: true,
      record: { id: 'SY-1', city: 'shenyang', kind: 'community', facts: { setting: 'urban' } },
    });
  });

  it('leaves asOf absent for the caller to fill', () => {
    // Arrange
    const input = grid({});
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result.ok && 'asOf' in result.record).toBe(false);
  });
});

describe('validateRecord: each bad record gives one clear error at its path', () => {
  const cases: Array<[string, unknown, PathAndMessage]> = [
    [
      'a fact of the wrong type',
      community({ households: '1550' }),
      { path: 'facts.households', message: 'expected integer >= 0, got "1550"' },
    ],
    ['a negative count', community({ households: -3 }), { path: 'facts.households', message: 'expected integer >= 0, got -3' }],
    [
      'a fractional count',
      community({ unauthorizedPlaques: 1.5 }),
      { path: 'facts.unauthorizedPlaques', message: 'expected integer >= 0, got 1.5' },
    ],
    [
      'a negative area',
      community({ serviceFacilityAreaSqm: -0.5 }),
      { path: 'facts.serviceFacilityAreaSqm', message: 'expected number >= 0, got -0.5' },
    ],
    [
      'a boolean given as a string',
      community({ emergency: { plan: 'yes' } }),
      { path: 'facts.emergency.plan', message: 'expected true or false, got "yes"' },
    ],
    [
      'an enum value that is not in the list',
      grid({ type: 'special' }),
      { path: 'facts.type', message: 'expected one of "comprehensive", "dedicated", got "special"' },
    ],
    [
      'an array element outside the list',
      community({ gridLevels: ['community', 'floor'] }),
      { path: 'facts.gridLevels.1', message: 'expected one of "community", "compound", "building", "unit", got "floor"' },
    ],
    [
      'a list given as a single value',
      community({ facilityComponents: 'serviceHall' }),
      { path: 'facts.facilityComponents', message: 'expected an array of facility components, got "serviceHall"' },
    ],
    [
      'an object fact given as a scalar',
      community({ emergency: true }),
      { path: 'facts.emergency', message: 'expected an object { plan, team, supplies, drills }, got true' },
    ],
    [
      'facts that are not an object',
      community({}, { facts: [] }),
      { path: 'facts', message: "expected an object (the 'community' facts), got an empty array" },
    ],
    [
      'an impossible day (30 February)',
      community({}, { asOf: '2024-02-30' }),
      { path: 'asOf', message: 'expected a calendar date YYYY-MM-DD, got "2024-02-30" (no such day in the calendar)' },
    ],
    [
      '29 February of a common year',
      community({}, { asOf: '2023-02-29' }),
      { path: 'asOf', message: 'expected a calendar date YYYY-MM-DD, got "2023-02-29" (no such day in the calendar)' },
    ],
    [
      'a date without zero padding',
      community({}, { asOf: '2024-2-3' }),
      { path: 'asOf', message: 'expected a calendar date YYYY-MM-DD, got "2024-2-3"' },
    ],
    [
      'a date in words',
      community({}, { asOf: 'tomorrow' }),
      { path: 'asOf', message: 'expected a calendar date YYYY-MM-DD, got "tomorrow"' },
    ],
    [
      'a bad milestone date',
      { id: 'P', city: 'dalian', kind: 'residentialProject', facts: { facility: { delivery: '2024-13-01' } } },
      { path: 'facts.facility.delivery', message: 'expected a calendar date YYYY-MM-DD, got "2024-13-01" (no such day in the calendar)' },
    ],
    [
      'a bad pay date',
      grid({ workerPay: { setOn: '2024/01/15', referenceWageYear: 2023 } }),
      { path: 'facts.workerPay.setOn', message: 'expected a calendar date YYYY-MM-DD, got "2024/01/15"' },
    ],
    [
      'an unknown city',
      community({}, { city: 'beijing' }),
      {
        path: 'city',
        message: 'expected one of "shenyang", "dalian", "guiyang", "tonghua", "zhangjiakou", got "beijing"',
      },
    ],
    [
      'a missing id',
      { city: 'shenyang', kind: 'community', facts: {} },
      { path: 'id', message: 'required but missing (expected a string of 1 to 200 characters)' },
    ],
    ['an empty id', community({}, { id: '' }), { path: 'id', message: 'expected a string of 1 to 200 characters, got ""' }],
    [
      'an id that is a number',
      community({}, { id: 17 }),
      { path: 'id', message: 'expected a string of 1 to 200 characters, got 17' },
    ],
    [
      'an id that is too long',
      community({}, { id: 'a'.repeat(201) }),
      {
        path: 'id',
        message: `expected a string of 1 to 200 characters, got "${'a'.repeat(40)}"… (201 characters)`,
      },
    ],
    [
      'a duplicate budget year',
      community({
        budgets: [
          { year: 2022, amountYuan: 1 },
          { year: 2023, amountYuan: 2 },
          { year: 2022, amountYuan: 3 },
        ],
      }),
      {
        path: 'facts.budgets.2.year',
        message: 'duplicate budget year 2022 (already given at index 0); each year may appear once',
      },
    ],
    [
      'an array element without its required member',
      community({ partyServiceStations: [{}] }),
      { path: 'facts.partyServiceStations.0.areaSqm', message: 'required but missing (expected number >= 0)' },
    ],
    [
      'a budget without its amount',
      community({ budgets: [{ year: 2023 }] }),
      { path: 'facts.budgets.0.amountYuan', message: 'required but missing (expected number >= 0)' },
    ],
    [
      'workerPay without its reference year',
      grid({ workerPay: { setOn: '2024-01-15' } }),
      { path: 'facts.workerPay.referenceWageYear', message: 'required but missing (expected integer)' },
    ],
    [
      'a count beyond the exact integer range',
      grid({ households: 1e20 }),
      { path: 'facts.households', message: 'expected integer >= 0, got 100000000000000000000 (beyond the exact integer range)' },
    ],
  ];

  it.each(cases)('reports %s', (_name, input, expected) => {
    // Act
    const errors = errorsOf(input);
    // Assert
    expect(errors).toEqual([expected]);
  });

  it('reports an unknown top-level key with the allowed keys and the likely typo', () => {
    // Arrange
    const input = community({}, { asof: '2024-03-01' });
    // Act
    const errors = errorsOf(input);
    // Assert
    expect(errors).toEqual([
      { path: 'asof', message: "unknown key (not a record field; allowed: id, city, kind, asOf, facts) — did you mean 'asOf'?" },
    ]);
  });

  it('reports an unknown fact with the kind and its allowed facts', () => {
    // Arrange
    const input = grid({ gridWorker: 2 });
    // Act
    const errors = errorsOf(input);
    // Assert
    expect(errors).toEqual([
      {
        path: 'facts.gridWorker',
        message:
          "unknown key (not in the 'grid' facts; allowed: setting, type, households, gridHeads, gridWorkers, buildings, " +
          "buildingsWithLeader, units, unitsWithLeader, leadersResideLocally, rosterPosted, gridHeadRole, workerPay) — did you mean 'gridWorkers'?",
      },
    ]);
  });

  it('reports an unknown key inside an object fact', () => {
    // Arrange
    const input = community({ emergency: { pln: true } });
    // Act
    const errors = errorsOf(input);
    // Assert
    expect(errors).toEqual([
      {
        path: 'facts.emergency.pln',
        message: "unknown key (not in 'emergency'; allowed: plan, team, supplies, drills) — did you mean 'plan'?",
      },
    ]);
  });

  it('reports an unknown key inside an array element', () => {
    // Arrange
    const input = community({ partyServiceStations: [{ areaSqm: 40, floor: 2 }] });
    // Act
    const errors = errorsOf(input);
    // Assert
    expect(errors).toEqual([
      { path: 'facts.partyServiceStations.0.floor', message: "unknown key (not in a 'partyServiceStations' entry; allowed: areaSqm)" },
    ]);
  });

  it('reports an unknown kind once, without judging the facts', () => {
    // Arrange
    const input = community({ households: -1, nonsense: true }, { kind: 'village' });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result).toMatchObject({
      ok: false,
      recordId: 'SY-0001',
      city: 'shenyang',
      errors: [
        {
          path: 'kind',
          message:
            'expected one of "community", "grid", "streetOffice", "residentialProject", "task", "inspection", ' +
            '"certificateRequest", "orgRegistration", "communityWorker", "consultation", "complaint", "gridCase", ' +
            '"emergencyEvent", "compound", "departmentReview", "publicFacilityProject", "governmentBudget", got "village"',
        },
      ],
    });
  });

  it('still checks the envelope when the kind is missing', () => {
    // Arrange
    const input = { id: '', city: 'paris', facts: { households: -1 } };
    // Act
    const errors = errorsOf(input);
    // Assert
    expect(errors.map((error) => error.path)).toEqual(['id', 'city', 'kind']);
    expect(errors[2]?.message).toMatch(/^required but missing \(expected one of "community", /);
  });

  it('reports every error of a record, not only the first', () => {
    // Arrange
    const input = community({ households: -3, serviceFacilityAreaSqm: 'big', hasServiceWindow: 1 });
    // Act
    const errors = errorsOf(input);
    // Assert
    expect(errors.map((error) => error.path)).toEqual([
      'facts.households',
      'facts.serviceFacilityAreaSqm',
      'facts.hasServiceWindow',
    ]);
  });

  it('never repeats the path inside the message', () => {
    // Arrange
    const input = community({ households: -3, emergency: { pln: true } }, { asOf: 'x', extra: 1 });
    // Act
    const errors = errorsOf(input);
    // Assert
    expect(errors.length).toBe(4);
    for (const error of errors) expect(error.message.startsWith(error.path)).toBe(false);
  });
});

describe('validateRecord: input that is not a record object', () => {
  const inputs: Array<[string, unknown, string]> = [
    ['a string', 'SY-0001', '"SY-0001"'],
    ['a number', 42, '42'],
    ['null', null, 'null'],
    ['an array', [community({})], 'an array of 1'],
    ['a boolean', true, 'true'],
    ['undefined', undefined, 'nothing'],
  ];

  it.each(inputs)('gives one error at the record itself for %s', (_name, input, shown) => {
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result).toMatchObject({
      ok: false,
      recordId: null,
      errors: [{ path: '', message: `expected a record (a JSON object with id, city, kind, facts), got ${shown}` }],
    });
  });
});

describe('validateRecord: values no JSON parser makes', () => {
  it('reports a record whose fields cannot be read instead of throwing', () => {
    // Arrange
    const input = Object.defineProperty({ id: 'X' }, 'kind', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result).toMatchObject({ ok: false, recordId: null, errors: [{ path: '', message: 'the record could not be read (boom)' }] });
  });
});

describe('validateRecord: what an invalid result carries', () => {
  it('echoes the id, city and kind of an otherwise invalid record', () => {
    // Arrange
    const input = grid({ households: -1 });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result).toMatchObject({ ok: false, recordId: 'TH-G-1', city: 'tonghua', kind: 'grid' });
  });

  it('echoes an over-long id as given', () => {
    // Arrange
    const id = 'b'.repeat(300);
    // Act
    const result = validateRecord(community({}, { id }));
    // Assert
    expect(result).toMatchObject({ ok: false, recordId: id });
  });

  it('gives a null recordId and no city when they are not valid', () => {
    // Arrange
    const input = community({}, { id: 5, city: 'beijing' });
    // Act
    const result = validateRecord(input);
    // Assert
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ recordId: null, kind: 'community' });
    expect('city' in result).toBe(false);
  });
});

describe('validateRecord: allowUnknownKeys', () => {
  it('accepts unknown keys at every depth and drops them', () => {
    // Arrange
    const input = community(
      { households: 1550, note: 'x', emergency: { plan: true, pln: true }, partyServiceStations: [{ areaSqm: 40, floor: 2 }] },
      { source: 'import-2024' },
    );
    // Act
    const result = validateRecord(input, { allowUnknownKeys: true });
    // Assert
    expect(result).toEqual({
      ok: true,
      record: {
        id: 'SY-0001',
        city: 'shenyang',
        kind: 'community',
        asOf: '2024-03-01',
        facts: { setting: 'urban', households: 1550, emergency: { plan: true }, partyServiceStations: [{ areaSqm: 40 }] },
      },
    });
  });

  it('relaxes unknown keys only: other errors are still reported', () => {
    // Arrange
    const input = community({ households: -3, note: 'x' }, { asOf: '2024-02-30' });
    // Act
    const errors = errorsOf(input, { allowUnknownKeys: true });
    // Assert
    expect(errors.map((error) => error.path)).toEqual(['asOf', 'facts.households']);
  });

  it('does not make an unknown kind acceptable', () => {
    // Arrange
    const input = community({}, { kind: 'village' });
    // Act
    const errors = errorsOf(input, { allowUnknownKeys: true });
    // Assert
    expect(errors.map((error) => error.path)).toEqual(['kind']);
  });
});

describe('validateRecord: properties', () => {
  const anything = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  });

  /** Errors, when any, are non-empty, and each has a string path and a non-empty message. */
  function isWellFormed(result: ReturnType<typeof validateRecord>): boolean {
    if (result.ok) return true;
    return (
      result.errors.length > 0 &&
      result.errors.every((error) => typeof error.path === 'string' && error.message.length > 0)
    );
  }

  it('never throws, whatever the value', () => {
    fc.assert(
      fc.property(anything, fc.boolean(), (input, allowUnknownKeys) => {
        // Act
        const result = validateRecord(input, { allowUnknownKeys });
        // Assert
        expect(isWellFormed(result)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        expect(isWellFormed(validateRecord(input))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for a record whose kind is right and whose facts are arbitrary', () => {
    const records = fc.record({
      id: fc.oneof(fc.string(), fc.jsonValue()),
      city: fc.constantFrom('shenyang', 'dalian', 'x'),
      kind: fc.constantFrom(...RECORD_KINDS),
      asOf: fc.oneof(fc.string(), fc.jsonValue()),
      facts: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), anything),
    });
    fc.assert(
      fc.property(records, (input) => {
        expect(isWellFormed(validateRecord(input))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws for a valid record with one fact replaced by any JSON value', () => {
    const mutated = fc
      .record({ record: recordArbitrary, key: fc.string(), value: fc.jsonValue() })
      .map(({ record, key, value }) => ({ ...record, facts: { ...record.facts, [key]: value } }));
    fc.assert(
      fc.property(mutated, (input) => {
        expect(isWellFormed(validateRecord(input))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it.each(RECORD_KINDS)('accepts every valid %s record, keeping its id, city, kind and date', (kind) => {
    fc.assert(
      fc.property(recordArbitraries[kind], (input) => {
        // Act
        const result = validateRecord(input);
        // Assert
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.record).toMatchObject({ id: input.id, city: input.city, kind });
        expect(result.record.asOf).toBe(input.asOf);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts its own output again, unchanged', () => {
    fc.assert(
      fc.property(recordArbitrary, (input) => {
        // Arrange
        const first = validateRecord(input);
        if (!first.ok) throw new Error('a valid record was rejected');
        // Act
        const second = validateRecord(JSON.parse(JSON.stringify(first.record)));
        // Assert
        expect(second).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a valid record with an unknown fact at exactly that key, and drops it when allowed', () => {
    fc.assert(
      fc.property(recordArbitrary, fc.jsonValue(), (record, value) => {
        // Arrange
        const input = { ...record, facts: { ...record.facts, zzUnknownFact: value } };
        // Act
        const strict = validateRecord(input);
        const lenient = validateRecord(input, { allowUnknownKeys: true });
        // Assert
        expect(strict.ok ? [] : strict.errors.map((error) => error.path)).toEqual(['facts.zzUnknownFact']);
        expect(lenient.ok && 'zzUnknownFact' in lenient.record.facts).toBe(false);
        expect(lenient.ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateRecord: code, zh and en on every error', () => {
  const first = (input: unknown) => {
    const result = validateRecord(input);
    if (result.ok) throw new Error('expected an invalid record');
    return result.errors[0]!;
  };
  const base = { id: 'SY-1', city: 'shenyang', kind: 'community' };

  it.each([
    ['a negative count', { ...base, facts: { households: -3 } }, 'out-of-range', '户数：应为不小于 0 的整数，实际为 -3。'],
    ['a wrong type', { ...base, facts: { emergency: { plan: 'yes' } } }, 'wrong-type', '应急预案：应为true 或 false，实际为 "yes"。'],
    ['an enum value', { ...base, facts: { gridLevels: ['floor'] } }, 'not-allowed', '网格层级（第 1 项）：应为以下之一：'],
    ['an impossible day', { ...base, asOf: '2023-02-29' }, 'invalid-date', '情况日期：应为YYYY-MM-DD 格式的真实日期，实际为 "2023-02-29"（日历上没有这一天）。'],
    ['a missing id', { city: 'shenyang', kind: 'community' }, 'required', '记录编号：必须填写'],
    ['an unknown fact', { ...base, facts: { housholds: 3 } }, 'unknown-key', '未知字段 housholds：社区的事实中没有这一项，是否想写 households（户数）？'],
    ['a duplicate budget year', { ...base, facts: { budgets: [{ year: 2023, amountYuan: 1 }, { year: 2023, amountYuan: 2 }] } }, 'duplicate-year', '预算年度（第 2 项）：预算年度 2023 重复'],
    ['not an object', 42, 'not-a-record', '应为一条记录'],
    ['a misspelt city', { ...base, city: 'shenyng' }, 'not-allowed', '城市：应为以下之一：shenyang（沈阳）、dalian（大连）、guiyang（贵阳）、tonghua（通化）、zhangjiakou（张家口），实际为 "shenyng"，是否想写 shenyang（沈阳）？'],
    ['a misspelt kind', { ...base, kind: 'gird' }, 'not-allowed', '记录类型：应为以下之一：community（社区）、grid（网格）、'],
    ['an empty id', { ...base, id: '' }, 'out-of-range', '记录编号：应为1–200 个字符的字符串，实际为 ""。'],
    ['a bigint', { ...base, facts: { households: 3n } }, 'wrong-type', '户数：应为不小于 0 的整数，实际为 3n（BigInt）。'],
  ])('words %s in Chinese with a stable code', (_name, input, code, zh) => {
    const error = first(input);
    expect(error.code).toBe(code);
    expect(error.zh.startsWith(zh)).toBe(true);
    expect(error.en).toBe(error.message);
  });

  it('says "did you mean" in Chinese when the English message does, and only then', () => {
    const near = first({ ...base, kind: 'gird' });
    expect(near.en).toContain('did you mean "grid"');
    expect(near.zh.endsWith('，实际为 "gird"，是否想写 grid（网格）？')).toBe(true);
    const far = first({ ...base, kind: 'zzzzzzzz' });
    expect(far.en).not.toContain('did you mean');
    expect(far.zh.endsWith('，实际为 "zzzzzzzz"。')).toBe(true);
  });

  it('labels no city or kind by its own key (shenyang（shenyang）)', () => {
    for (const input of [{ ...base, city: 'x' }, { ...base, kind: 'x' }]) {
      expect(first(input).zh).not.toMatch(/([A-Za-z]+)（\1）/);
    }
  });

  it('keeps message equal to en for every error of a generated bad record', () => {
    const result = validateRecord({ ...base, asOf: 'soon', facts: { households: 'many', setting: 'town', emergency: 3 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.length).toBe(4);
    for (const error of result.errors) {
      expect(error.en).toBe(error.message);
      expect(error.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(error.code).not.toBe('invalid');
    }
  });
});
