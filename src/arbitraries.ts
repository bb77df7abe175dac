/**
 * `shequ-rules/arbitraries`: fast-check arbitraries of records, for property tests of apps built on
 * the library (and of the library itself). Valid records of any city and kind, and invalid ones
 * that say which field is wrong and the validation code `validateRecord` gives for it.
 * `fast-check` (≥ 4) is an optional peer dependency: install it to use this entry point.
 *
 * @example
 * import fc from 'fast-check';
 * import { evaluateSync } from 'shequ-rules';
 * import { recordArbitrary } from 'shequ-rules/arbitraries';
 * fc.assert(fc.property(recordArbitrary, (record) => evaluateSync(record).valid === true));
 */
import fc from 'fast-check';
import { recordArbitraries } from './schema/arbitraries.js';
import { MAX_ID_LENGTH, type RecordInputOfKind, type ShequRecordInput } from './schema/record.js';
import type { CityKey, RecordKind, ValidationCode } from './types.js';

export {
  calendarDateArbitrary,
  factsArbitraries,
  parsedRecordArbitrary,
  recordArbitraries,
  recordArbitrary,
  recordIdArbitrary,
} from './schema/arbitraries.js';

export interface RecordArbitraryOptions<C extends CityKey, K extends RecordKind> {
  /** Only records of this city (default: any of the five). */
  city?: C;
  /** Only records of this kind (default: any kind). */
  kind?: K;
}

/**
 * Valid records of one city and/or kind, as submitted (facts and `asOf` sometimes absent).
 *
 * @example
 * fc.sample(recordArbitraryFor({ city: 'guiyang', kind: 'community' }), 1)[0]
 * //=> { id: 'AB-1234', city: 'guiyang', kind: 'community', facts: { serviceFacilityAreaSqm: 812.5, … } }
 */
export function recordArbitraryFor<C extends CityKey = CityKey, K extends RecordKind = RecordKind>(
  options: RecordArbitraryOptions<C, K> = {},
): fc.Arbitrary<RecordInputOfKind<K> & { city: C }> {
  const kinds = options.kind !== undefined ? [options.kind] : (Object.keys(recordArbitraries) as K[]);
  const byKind = kinds.map((kind) => recordArbitraries[kind] as fc.Arbitrary<ShequRecordInput>);
  const records = fc.oneof(...byKind);
  const city = options.city;
  return (city === undefined ? records : records.map((record) => ({ ...record, city }))) as fc.Arbitrary<
    RecordInputOfKind<K> & { city: C }
  >;
}

/** An invalid record with what is wrong: the error `validateRecord` reports (path and code) and why. */
export interface InvalidRecordCase {
  record: unknown;
  /** The dotted path of the error, e.g. `facts.households`; `""` for the record itself. */
  path: string;
  code: ValidationCode;
  /** What was broken, in a few words (`unknown city`, `impossible date` …). */
  reason: string;
}

type Breakage = (record: ShequRecordInput) => fc.Arbitrary<InvalidRecordCase>;

const withField = (record: ShequRecordInput, key: string, value: unknown): Record<string, unknown> => ({ ...record, [key]: value });

/** Ways to break a valid record, each with the error it must produce. */
const BREAKAGES: readonly Breakage[] = [
  (record) => {
    const { id: _id, ...rest } = record;
    return fc.constant({ record: rest, path: 'id', code: 'required', reason: 'no id' });
  },
  (record) =>
    fc.integer().map((id) => ({ record: withField(record, 'id', id), path: 'id', code: 'wrong-type', reason: 'id is not a string' })),
  (record) =>
    fc.constant({
      record: withField(record, 'id', 'x'.repeat(MAX_ID_LENGTH + 1)),
      path: 'id',
      code: 'out-of-range',
      reason: 'id longer than the limit',
    }),
  (record) =>
    fc.constantFrom('beijing', 'Shenyang', '沈阳', '').map((city) => ({
      record: withField(record, 'city', city),
      path: 'city',
      code: 'not-allowed',
      reason: 'unknown city',
    })),
  (record) =>
    fc.constantFrom('hospital', 'Community', 'grids').map((kind) => ({
      record: withField(record, 'kind', kind),
      path: 'kind',
      code: 'not-allowed',
      reason: 'unknown kind',
    })),
  (record) =>
    fc.constantFrom('2023-02-29', '2024-02-30', '2024-13-01', '2024/01/01', '20240101').map((asOf) => ({
      record: withField(record, 'asOf', asOf),
      path: 'asOf',
      code: 'invalid-date',
      reason: 'impossible or malformed date',
    })),
  (record) =>
    fc.constantFrom('note', 'houseHolds', 'extra_fact').map((key) => ({
      record: withField(record, 'facts', { ...(record.facts ?? {}), [key]: 1 }),
      path: `facts.${key}`,
      code: 'unknown-key',
      reason: 'unknown fact',
    })),
  (record) =>
    fc.constantFrom<unknown>('facts', 42, [], true).map((facts) => ({
      record: withField(record, 'facts', facts),
      path: 'facts',
      code: 'wrong-type',
      reason: 'facts is not an object',
    })),
  () =>
    fc.constantFrom<unknown>(null, 42, 'record', [], [{}]).map((record) => ({
      record,
      path: '',
      code: 'not-a-record',
      reason: 'not an object',
    })),
];

/**
 * Invalid records, each made by breaking one thing in a valid one, with the error expected for it.
 *
 * @example
 * fc.assert(fc.property(invalidRecordArbitrary, ({ record, path, code }) => {
 *   const result = validateRecord(record);
 *   return !result.ok && result.errors.some((e) => e.path === path && e.code === code);
 * }));
 */
export const invalidRecordArbitrary: fc.Arbitrary<InvalidRecordCase> = fc
  .tuple(recordArbitraryFor(), fc.integer({ min: 0, max: BREAKAGES.length - 1 }))
  .chain(([record, index]) => BREAKAGES[index]!(record));
