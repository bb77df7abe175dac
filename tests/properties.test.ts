/**
 * Invariants of the evaluator, checked with fast-check over generated records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { createEvaluator } from '../src/evaluate.js';
import { recordArbitrary } from '../src/schema/arbitraries.js';
import { validateRecord } from '../src/schema/validateRecord.js';
import type { EvaluationResult, FindingStatus } from '../src/types.js';

const evaluator = createEvaluator({ asOf: '2024-06-01' });
const RUNS = { numRuns: 300 };

const checkIdsFor = (city: keyof typeof ruleFiles, kind: string) =>
  ruleFiles[city].articles.flatMap((a) => a.checks).filter((c) => c.kind === kind).map((c) => c.id);

const statusOf = (result: EvaluationResult, id: string): FindingStatus | undefined =>
  result.findings.find((f) => f.ruleId === id)?.status;

/** Checks whose "passes when" quantifies over the stages or entries a record lists (spec notes). */
const QUANTIFIED_OVER_GIVEN = /facility-sync$/;

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

describe('information', () => {
  it('adding a fact never turns a decided pass or fail into something else', async () => {
    await fc.assert(
      fc.asyncProperty(recordArbitrary, fc.infiniteStream(fc.boolean()), async (record, coin) => {
        const facts = (record.facts ?? {}) as Record<string, unknown>;
        // A fact with a default (a community's setting, a grid's type) is never absent: keep it.
        const empty = validateRecord({ ...record, facts: {} });
        const defaulted = new Set(empty.ok ? Object.keys(empty.record.facts) : []);
        const fewer = Object.fromEntries(Object.entries(facts).filter(([key]) => defaulted.has(key) || coin.next().value));
        const full = await evaluator.evaluate(record);
        const partial = await evaluator.evaluate({ ...record, facts: fewer });
        for (const finding of partial.findings) {
          if (QUANTIFIED_OVER_GIVEN.test(finding.ruleId)) continue;
          if (finding.status === 'pass' || finding.status === 'fail') {
            expect(statusOf(full, finding.ruleId), finding.ruleId).toBe(finding.status);
          }
        }
      }),
      RUNS,
    );
  });
});
