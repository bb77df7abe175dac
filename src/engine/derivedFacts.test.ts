import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateReadings, DERIVED_FACT_BY_NAME } from './derivedFacts.js';

const fact = (name: string) => DERIVED_FACT_BY_NAME.get(name)!;

describe('derived facts', () => {
  it('scaled gives rate per unit of a count, linearly (1550 households at 40 per 100 → 620)', () => {
    expect(fact('scaled').compute({ of: { fact: 'n' }, rate: 40, per: 100 }, [1550])).toBe(620);
    expect(fact('scaled').compute({ of: { fact: 'n' }, rate: 40, per: 100 }, [undefined])).toBeUndefined();
  });

  it('smallestOf picks the smallest field of a list', () => {
    expect(fact('smallestOf').compute({ of: { fact: 's' }, field: 'a' }, [[{ a: 5 }, { a: 2.5 }]])).toBe(2.5);
    expect(fact('smallestOf').compute({ of: { fact: 's' }, field: 'a' }, [[]])).toBeUndefined();
  });

  it('yearOf shifts the calendar year of a date', () => {
    expect(fact('yearOf').compute({ of: { fact: 'd' }, offsetYears: -1 }, ['2024-01-01'])).toBe(2023);
  });

  describe('milestoneSync', () => {
    const params = { subject: 'facility', reference: 'project', stages: ['design', 'delivery'], toleranceDays: 0 };
    const sync = fact('milestoneSync');

    it('passes when each facility date is no later than the project date at the same stage', () => {
      expect(sync.compute(params, [{ design: '2024-01-01' }, { design: '2024-01-01', delivery: null }])).toBe(true);
      expect(sync.compute(params, [{ design: '2023-12-31', delivery: '2024-05-01' }, { design: '2024-01-01', delivery: '2024-05-01' }])).toBe(true);
    });

    it('fails a facility delivered a day late, and passes it with one day of tolerance', () => {
      const values = [{ delivery: '2024-01-02' }, { design: null, delivery: '2024-01-01' }];
      expect(sync.compute(params, values)).toBe(false);
      expect(sync.compute({ ...params, toleranceDays: 1 }, values)).toBe(true);
    });

    it('fails a stage the project reached and the facility has not (null), naming it', () => {
      expect(sync.compute(params, [{ design: null }, { design: '2024-01-01', delivery: null }])).toBe(false);
      expect(sync.explain!(params, [{ design: null }, { design: '2024-01-01' }]).detail).toBe('design: — > 2024-01-01');
      expect(sync.missing!(params, [{ design: null }, { design: '2024-01-01' }])).toEqual([]);
      expect(sync.explain!(params, [{ design: null }, { design: '2024-01-01' }]).items).toEqual([
        { type: 'lateStage', stage: 'design', subject: params.subject, reference: params.reference, subjectDate: null, referenceDate: '2024-01-01' },
      ]);
    });

    it('asks nothing of a stage the project has not reached (null)', () => {
      expect(sync.compute(params, [{}, { design: null, delivery: null }])).toBe(true);
      expect(sync.compute(params, [{ design: '2024-01-01' }, { design: '2024-01-01', delivery: null }])).toBe(true);
    });

    it('is unknown when the facility date is absent at a stage the project reached, and names that date', () => {
      const values = [{ design: '2024-01-01' }, { design: '2024-01-01', delivery: '2024-06-01' }];
      expect(sync.compute(params, values)).toBeUndefined();
      expect(sync.missing!(params, values)).toEqual([{ fact: 'facility', path: '$.delivery' }]);
    });

    it('is unknown when the project date is absent, naming it (and the facility date when that is absent too)', () => {
      const values = [{ design: '2024-01-01' }, { planning: '2020-01-01' }];
      expect(sync.compute(params, values)).toBeUndefined();
      expect(sync.missing!(params, values)).toEqual([
        { fact: 'project', path: '$.design' },
        { fact: 'project', path: '$.delivery' },
        { fact: 'facility', path: '$.delivery' },
      ]);
      expect(sync.missing!(params, [undefined, undefined])).toEqual([
        { fact: 'project', path: '$.design' },
        { fact: 'facility', path: '$.design' },
        { fact: 'project', path: '$.delivery' },
        { fact: 'facility', path: '$.delivery' },
      ]);
    });

    it('bound once, decides every pair of milestones as its own missing and explain (stage rows) judge them', () => {
      // bind reads the params once for many calls; missing / explain build the stage rows on their own.
      const stages = ['planning', 'design', 'delivery'];
      const date = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
      const milestones = fc.oneof(
        fc.constant(undefined),
        fc.record({ planning: fc.oneof(date, fc.constant(null)), design: fc.oneof(date, fc.constant(null)), delivery: fc.oneof(date, fc.constant(null)) }, { requiredKeys: [] }),
      );
      for (const toleranceDays of [0, 3]) {
        const p = { ...params, stages, toleranceDays };
        const bound = sync.bind(p);
        fc.assert(
          fc.property(milestones, milestones, (subject, reference) => {
            const late = sync.explain!(p, [subject, reference]).items!.length > 0;
            const absent = sync.missing!(p, [subject, reference]).length > 0;
            expect(bound(subject, reference)).toBe(late ? false : absent ? undefined : true);
          }),
          { numRuns: 500 },
        );
      }
    });

    it('a bound fact with a bad param throws when it would read it, as compute does', () => {
      const scaledBad = { of: { fact: 'n' }, rate: 'forty', per: 100 };
      expect(fact('scaled').bind(scaledBad)(undefined)).toBeUndefined();
      expect(() => fact('scaled').bind(scaledBad)(1550)).toThrow('scaled expects a number in params.rate');
      expect(fact('scaled').bind({ of: { fact: 'n' }, rate: 40, per: 100 })(1550)).toBe(620);
      expect(fact('yearOf').bind({ of: { fact: 'd' } })(undefined)).toBeUndefined();
      expect(() => fact('yearOf').bind({ of: { fact: 'd' } })('2024-01-01')).toThrow('yearOf expects a number in params.offsetYears');
      expect(() => sync.bind({ ...params, stages: 'design' })).toThrow('milestoneSync expects a list of names in params.stages');
    });

    it('fails on one late stage even when another is unknown', () => {
      const values = [{ design: '2024-02-01' }, { design: '2024-01-01', delivery: '2024-06-01' }];
      expect(sync.compute(params, values)).toBe(false);
      expect(sync.missing!(params, values)).toEqual([]);
    });
  });
});

describe('dates read as day numbers', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const written = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  const anyYear = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map(written);
  const date = fc.date({ min: new Date(Date.UTC(100, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map(written);
  // Near each other too, so that lateness goes both ways, and near month ends and leap days.
  const nearDate = fc.tuple(date, fc.integer({ min: -40, max: 40 })).map(([d, shift]) => written(new Date(Date.parse(`${d}T00:00:00Z`) + shift * 86_400_000)));
  const notADate = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-04-31', '2024-1-01', '2024-01-1x', '+02024-01-01', '２０２４-01-01', '2024/01/01', '2024-01-01T00:00'),
  );

  it('counts days as Date does in UTC, one a day (from the year 100: Date.UTC reads 0–99 as 19xx)', () => {
    fc.assert(
      fc.property(anyYear, (d) => {
        expect(dateReadings.dayNumber(d)).toBe(Number(d.slice(0, 4)) < 100 ? undefined : Date.parse(`${d}T00:00:00Z`) / 86_400_000);
      }),
    );
    expect(dateReadings.dayNumber('0100-01-01')).toBe(Date.parse('0100-01-01T00:00:00Z') / 86_400_000);
    expect(dateReadings.dayNumber('0099-12-31')).toBeUndefined();
  });

  it('decides lateness and the year as parseISO, addDays and getYear do, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(date, nearDate, anyYear, notADate), fc.oneof(date, nearDate, anyYear, notADate), fc.integer({ min: -60, max: 60 }), (own, reference, days) => {
        expect(dateReadings.isLate(own, reference, days)).toBe(dateReadings.byDateFns.isLate(own, reference, days));
        expect(dateReadings.yearOfDate(own)).toBe(dateReadings.byDateFns.year(own));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads only real calendar dates written YYYY-MM-DD', () => {
    fc.assert(
      fc.property(notADate, (s) => {
        expect(dateReadings.dayNumber(s) === undefined).toBe(Number.isNaN(dateReadings.byDateFns.year(s)) || !/^\d{4}-\d{2}-\d{2}$/.test(s) || Number(s.slice(0, 4)) < 100);
      }),
    );
    expect(dateReadings.dayNumber('2024-02-29')).toBe(dateReadings.dayNumber('2024-03-01')! - 1);
    expect(dateReadings.dayNumber('2023-02-29')).toBeUndefined();
  });
});
