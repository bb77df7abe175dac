import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FindingStatus } from '../../types.js';
import { classify, Differ, type ResultLike } from './compare.js';

const result = (id: string, statuses: Record<string, FindingStatus>, valid = true): ResultLike => ({
  recordId: id,
  city: 'guiyang',
  kind: 'community',
  valid,
  findings: Object.entries(statuses).map(([ruleId, status]) => ({ ruleId, status, citation: { label: '第三十七条' }, message: { zh: ruleId, en: ruleId } })),
});

describe('classify', () => {
  it('names the changes an auditor acts on and ignores the rest', () => {
    expect(classify('fail', 'pass')).toBe('fixed');
    expect(classify('fail', 'not-applicable')).toBe('fixed');
    expect(classify('pass', 'fail')).toBe('new-failure');
    expect(classify(null, 'fail')).toBe('new-failure');
    expect(classify('fail', 'fail')).toBe('still-failing');
    expect(classify('pass', 'unknown')).toBe('newly-unknown');
    expect(classify('unknown', 'unknown')).toBeUndefined();
    expect(classify('pass', 'pass')).toBeUndefined();
    expect(classify('unknown', 'pass')).toBeUndefined();
  });
});

describe('Differ', () => {
  it('matches records by id and reports fixed, new, still failing, added, removed and newly invalid', () => {
    const differ = new Differ();
    differ.addBefore(result('A', { x: 'fail', y: 'pass', z: 'fail' }));
    differ.addBefore(result('B', { x: 'fail' }));
    differ.addBefore(result('C', { x: 'pass' }));
    const a = differ.compare(result('A', { x: 'pass', y: 'fail', z: 'fail' }));
    const c = differ.compare(result('C', {}, false));
    const d = differ.compare(result('D', { x: 'fail' }));
    const removed = differ.removed();
    expect(a.findings.map((f) => [f.ruleId, f.change])).toEqual([
      ['x', 'fixed'],
      ['y', 'new-failure'],
      ['z', 'still-failing'],
    ]);
    expect(c.records.map((r) => r.change)).toEqual(['newly-invalid']);
    expect(d.records).toEqual([{ change: 'added', recordId: 'D', city: 'guiyang', kind: 'community', failing: 1 }]);
    expect(removed.map((r) => [r.recordId, r.change, r.failing])).toEqual([['B', 'removed', 1]]);
    expect(differ.summary()).toMatchObject({ before: 3, after: 3, matched: 2, exitCode: 1 });
  });

  it('matches records that share an id in order, so a fix and a new failure of the same id both show', () => {
    const differ = new Differ();
    differ.addBefore(result('D', { x: 'fail' }));
    differ.addBefore(result('D', { x: 'pass' }));
    differ.addBefore(result('D', { x: 'fail' }));
    const changes = [result('D', { x: 'pass' }), result('D', { x: 'fail' })].flatMap((r) => differ.compare(r).findings.map((f) => f.change));
    expect(changes).toEqual(['fixed', 'new-failure']);
    expect(differ.removed().map((r) => [r.recordId, r.change, r.failing])).toEqual([['D', 'removed', 1]]);
    expect(differ.summary()).toMatchObject({ before: 3, after: 2, matched: 2, repeatedIds: { before: 1, after: 1 } });
  });

  it('counts results without a record id instead of dropping them unsaid', () => {
    const differ = new Differ();
    const noId: ResultLike = { recordId: null, valid: false, findings: [] };
    differ.addBefore(noId);
    differ.addBefore(result('A', {}));
    differ.compare(noId);
    differ.compare(noId);
    differ.compare(result('A', {}));
    expect(differ.summary()).toMatchObject({ before: 1, after: 1, matched: 1, withoutId: { before: 1, after: 2 }, repeatedIds: { before: 0, after: 0 } });
  });

  it('accounts for every record: each one of AFTER is matched or added, each one of BEFORE matched or removed', () => {
    const ids = fc.array(fc.constantFrom('A', 'B', 'C'), { maxLength: 12 });
    fc.assert(
      fc.property(ids, ids, (beforeIds, afterIds) => {
        const differ = new Differ();
        for (const id of beforeIds) differ.addBefore(result(id, { x: 'pass' }));
        const added = afterIds.flatMap((id) => differ.compare(result(id, { x: 'pass' })).records).filter((r) => r.change === 'added').length;
        const removed = differ.removed().length;
        const { matched, before, after } = differ.summary();
        expect([before, after]).toEqual([beforeIds.length, afterIds.length]);
        expect(matched + added).toBe(afterIds.length);
        expect(matched + removed).toBe(beforeIds.length);
      }),
    );
  });

  it('finds no change and exits 0 when a run is compared with itself', () => {
    const status = fc.constantFrom<FindingStatus>('pass', 'fail', 'unknown', 'not-applicable');
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c'), status), { maxLength: 8 }), (records) => {
        const differ = new Differ();
        const results = records.map((statuses, i) => result(`R${i}`, statuses));
        for (const r of results) differ.addBefore(r);
        const changes = results.flatMap((r) => differ.compare(r).findings).filter((f) => f.change !== 'still-failing');
        expect(changes).toEqual([]);
        expect(differ.removed()).toEqual([]);
        expect(differ.summary().exitCode).toBe(0);
      }),
    );
  });
});
