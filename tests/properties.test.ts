/**
 * Invariants of the evaluator, checked with fast-check over generated records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { createEvaluator } from '../src/evaluate.js';
import {
  factsArbitraries,
  invalidRecordArbitrary,
  recordArbitraries,
  recordArbitrary,
  recordArbitraryFor,
} from '../src/arbitraries.js';
import { validateRecord } from '../src/schema/validateRecord.js';
import { RECORD_KINDS, type EvaluationResult, type FindingStatus } from '../src/types.js';

const evaluator = createEvaluator({ asOf: '2024-06-01' });
const RUNS = { numRuns: 300 };

const checkIdsFor = (city: keyof typeof ruleFiles, kind: string) =>
  ruleFiles[city].articles.flatMap((a) => a.checks).filter((c) => c.kind === kind).map((c) => c.id);

const statusOf = (result: EvaluationResult, id: string): FindingStatus | undefined =>
  result.findings.find((f) => f.ruleId === id)?.status;

describe('totality', () => {
  it('gives a result or errors for any JSON value, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.anything()), async (input) => {
        const result = await evaluator.evaluate(input);
        if (result.valid) {
          expect(result.errors).toBeUndefined();
        } else {
          expect(result.errors!.length).toBeGreaterThan(0);
          expect(result.findings).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('gives exactly one finding per check of the city and kind for every valid record', async () => {
    await fc.assert(
      fc.asyncProperty(recordArbitrary, async (record) => {
        const result = await evaluator.evaluate(record);
        expect(result.valid).toBe(true);
        expect(result.findings.map((f) => f.ruleId)).toEqual(checkIdsFor(record.city, record.kind));
        for (const f of result.findings) {
          if (f.status === 'unknown') expect(f.missing!.length).toBeGreaterThan(0);
          if (f.status === 'not-applicable') expect(f.reason).toBeDefined();
        }
      }),
      RUNS,
    );
  });
});

describe('invalid records', () => {
  it('gives valid: false with the broken field named, and no findings', async () => {
    await fc.assert(
      fc.asyncProperty(invalidRecordArbitrary, async ({ record, path, code }) => {
        const result = await evaluator.evaluate(record);
        expect(result.valid).toBe(false);
        expect(result.errors).toContainEqual(expect.objectContaining({ path, code }));
        expect(result.findings).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('cities and kinds', () => {
  it('evaluates a record of a chosen city and kind against the checks of that city and kind only', async () => {
    const cities = Object.keys(ruleFiles) as (keyof typeof ruleFiles)[];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cities).chain((city) => recordArbitraryFor({ city, kind: 'grid' })),
        async (record) => {
          const result = await evaluator.evaluate(record);
          expect(result.valid && result.city === record.city && result.kind === 'grid').toBe(true);
          for (const f of result.findings) expect(f.ruleId.startsWith(`${record.city}.`)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('monotonicity', () => {
  const area = fc.double({ min: 0, max: 5000, noNaN: true });
  const households = fc.integer({ min: 0, max: 20000 });

  it('more facility area never turns a pass into a fail (shenyang 10.1, guiyang 37)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('shenyang', 'guiyang'), households, area, area, async (city, h, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const id = city === 'shenyang' ? 'shenyang.10.1.facility-area' : 'guiyang.37.1.premises-area';
        const at = (sqm: number) =>
          evaluator.evaluate({ id: 'm', city, kind: 'community', facts: { households: h, serviceFacilityAreaSqm: sqm } });
        if (statusOf(await at(low), id) === 'pass') expect(statusOf(await at(high), id)).toBe('pass');
        if (statusOf(await at(high), id) === 'fail') expect(statusOf(await at(low), id)).toBe('fail');
      }),
      RUNS,
    );
  });

  it('more households never turn a failing facility area into a pass', async () => {
    await fc.assert(
      fc.asyncProperty(area, households, households, async (sqm, a, b) => {
        const [few, many] = a <= b ? [a, b] : [b, a];
        const id = 'shenyang.10.1.facility-area';
        const at = (h: number) => evaluator.evaluate({ id: 'm', city: 'shenyang', kind: 'community', facts: { households: h, serviceFacilityAreaSqm: sqm } });
        if (statusOf(await at(few), id) === 'fail') expect(statusOf(await at(many), id)).toBe('fail');
      }),
      RUNS,
    );
  });

  it('more mobile teams or reserve teams never make the ratio checks worse; more compounds never better', async () => {
    const count = fc.integer({ min: 0, max: 400 });
    await fc.assert(
      fc.asyncProperty(count, count, count, count, async (compounds, teams, extra, moreCompounds) => {
        const base = { compounds, emergencyMobileTeams: teams, compoundsWithReserveTeam: teams };
        const better = { ...base, emergencyMobileTeams: teams + extra, compoundsWithReserveTeam: teams + extra };
        const harder = { ...base, compounds: compounds + moreCompounds };
        const run = (facts: object) => evaluator.evaluate({ id: 'r', city: 'shenyang', kind: 'streetOffice', facts });
        const [b, up, hard] = await Promise.all([run(base), run(better), run(harder)]);
        for (const id of ['shenyang.34.2.mobile-team-ratio', 'shenyang.34.3.reserve-teams']) {
          if (statusOf(b, id) === 'pass') expect(statusOf(up, id)).toBe('pass');
          if (statusOf(b, id) === 'fail') expect(statusOf(hard, id)).toBe('fail');
        }
      }),
      RUNS,
    );
  });
});

/** A plain object (not an array, not null): a fact with members of its own. */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `base` with some of its absent paths filled from `donor`, at any depth: a key absent from `base`
 * takes the donor's value (when the coin says so); a key both hold as objects is filled inside.
 * Known values, `null` (a milestone not reached) and the defaults (`setting`, `type`) stay.
 */
function fillAbsent(base: Record<string, unknown>, donor: Record<string, unknown>, coin: () => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(donor)) {
    if (value === undefined) continue;
    if (out[key] === undefined) {
      if (coin()) out[key] = value;
    } else if (isObject(out[key]) && isObject(value)) {
      out[key] = fillAbsent(out[key], value, coin);
    }
  }
  return out;
}

/** The value at a finding's path (`facts.utilityTariffs.gas`) in a record's facts. */
function valueAt(facts: Record<string, unknown>, path: string): unknown {
  let current: unknown = facts;
  for (const key of path.replace(/^facts\./, '').split('.')) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** `facts` with `value` set at `path`, creating the objects on the way. */
function setAt(facts: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [key, ...rest] = path.replace(/^facts\./, '').split('.');
  if (rest.length === 0) return { ...facts, [key!]: value };
  const inner = isObject(facts[key!]) ? (facts[key!] as Record<string, unknown>) : {};
  return { ...facts, [key!]: setAt(inner, rest.join('.'), value) };
}

/**
 * contract-v2 §1, over every check of every city, with no exemption: absence never decides. For a
 * valid record of each kind (any city) and a second one of the same kind as a donor of values:
 * - adding valid values at any of the record's absent paths never changes a finding that was
 *   `pass`, `fail` or `not-applicable`;
 * - an `unknown` finding's `missing` names only paths that are absent, and supplying exactly those
 *   (from the donor, when it has them all) decides it.
 */
describe('absence never decides', () => {
  const RUNS_PER_KIND = 2000;
  const decided = (status: FindingStatus) => status !== 'unknown';

  it.each([...RECORD_KINDS])('%s: adding values at absent paths never changes a decided finding', async (kind) => {
    await fc.assert(
      fc.asyncProperty(recordArbitraries[kind], factsArbitraries[kind], fc.infiniteStream(fc.boolean()), async (input, donor, coin) => {
        const validated = validateRecord(input);
        if (!validated.ok) throw new Error(`arbitrary gave an invalid record: ${JSON.stringify(validated.errors)}`);
        // The validated facts carry the defaults (`setting`, `type`): values, never absent paths.
        const facts = validated.record.facts as Record<string, unknown>;
        const donorFacts = donor as Record<string, unknown>;
        const grown = fillAbsent(facts, donorFacts, () => coin.next().value);
        const [before, after] = await Promise.all([
          evaluator.evaluate({ ...input, facts }),
          evaluator.evaluate({ ...input, facts: grown }),
        ]);
        expect(after.valid).toBe(true);
        for (const finding of before.findings) {
          const later = after.findings.find((f) => f.ruleId === finding.ruleId)!;
          if (decided(finding.status)) {
            expect(later.status, `${finding.ruleId} on ${JSON.stringify(facts)} → ${JSON.stringify(grown)}`).toBe(finding.status);
            continue;
          }
          const missing = finding.missing ?? [];
          expect(missing.length, finding.ruleId).toBeGreaterThan(0);
          for (const path of missing) expect(valueAt(facts, path), `${finding.ruleId}: ${path} is absent`).toBeUndefined();
          if (missing.every((path) => valueAt(donorFacts, path) !== undefined)) {
            const supplied = missing.reduce((acc, path) => setAt(acc, path, valueAt(donorFacts, path)), facts);
            const answer = await evaluator.evaluate({ ...input, facts: supplied });
            const status = answer.findings.find((f) => f.ruleId === finding.ruleId)?.status;
            expect(status, `${finding.ruleId}: supplying ${missing.join(', ')} decides it`).not.toBe('unknown');
          }
        }
      }),
      { numRuns: RUNS_PER_KIND },
    );
  });
});
