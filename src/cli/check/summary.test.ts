import { describe, expect, it } from 'vitest';
import type { CheckResult } from './result.js';
import { INVALID_LISTED, SummaryBuilder, TOP_CHECKS } from './summary.js';
import { fakeFinding, issue, sampleResults } from './testing.js';

describe('SummaryBuilder', () => {
  it('counts records, valid, invalid, skipped and unreadable files apart', () => {
    // Arrange
    const builder = new SummaryBuilder('shenyang');
    // Act
    for (const result of sampleResults()) builder.add(result);
    const summary = builder.finish('violation');
    // Assert
    expect(summary).toMatchObject({ records: 6, valid: 3, invalid: 2, skipped: 1, city: 'shenyang', exitCode: 2 });
    expect(summary.unreadableFiles).toEqual([{ file: 'missing.ndjson', message: 'cannot read missing.ndjson: no such file' }]);
    expect(summary.findings).toEqual({ pass: 2, fail: 1, unknown: 1, 'not-applicable': 1 });
    expect(summary.failing.violation).toEqual({ binding: 0, nonBinding: 1 });
    expect(summary.invalidRecords[1]).toEqual({ line: 5, recordId: '=cmd|calc', error: 'facts.households: expected integer >= 0' });
  });

  it('keeps the invalid list and the top failing checks bounded', () => {
    const builder = new SummaryBuilder();
    for (let i = 1; i <= INVALID_LISTED + 50; i += 1) {
      builder.add({ line: i, recordId: null, valid: false, errors: [issue('', 'not valid JSON')], findings: [] });
    }
    for (let check = 0; check < TOP_CHECKS + 3; check += 1) {
      for (let n = 0; n <= check; n += 1) {
        const finding = fakeFinding(`R${check}-${n}`, 'guiyang', 'task', { id: `guiyang.check-${check}`, status: 'fail' });
        const result: CheckResult = { line: 1, recordId: finding.recordId, city: 'guiyang', kind: 'task', valid: true, findings: [finding] };
        builder.add(result);
      }
    }
    const summary = builder.finish('never');
    expect(summary.invalid).toBe(INVALID_LISTED + 50);
    expect(summary.invalidRecords).toHaveLength(INVALID_LISTED);
    const top = summary.topFailingChecks.guiyang ?? [];
    expect(top).toHaveLength(TOP_CHECKS);
    expect(top[0]).toEqual({ checkId: `guiyang.check-${TOP_CHECKS + 2}`, citation: '第十条第一款', failures: TOP_CHECKS + 3 });
    expect(summary.exitCode).toBe(2);
  });
});
