import { describe, expect, it } from 'vitest';
import { format, issue, sampleResults } from '../testing.js';
import { displayWidth } from '../width.js';
import { createTableFormatter } from './table.js';

describe('table formatter', () => {
  it('lists failing findings grouped by record, with the non-binding marker and the message in English', async () => {
    const text = await format(createTableFormatter, sampleResults());
    expect(text).toContain('SY-0001  Shenyang community  line 1\n');
    expect(text).toMatch(/ {2}✗ violation +第十条第一款 +shenyang\.10\.1\.facility-area {2}\[non-binding\]/);
    expect(text).toContain('    area too small, "required" 620, actual 610\n');
    expect(text).not.toContain('设施面积不足');
    expect(text).not.toContain('TH-0001  Tonghua'); // nothing fails there
  });

  it('speaks Chinese with --lang zh: labels for city, kind, severity, and the zh message', async () => {
    const text = await format(createTableFormatter, sampleResults(), { failOn: 'violation', lang: 'zh' });
    expect(text).toContain('SY-0001  沈阳 社区  第 1 行\n');
    expect(text).toMatch(/ {2}✗ 违反 +第十条第一款 +shenyang\.10\.1\.facility-area {2}［无约束力］/);
    expect(text).toContain('    设施面积不足，"应"为620, 实为610\n');
    expect(text).toContain('读取 6 条 · 有效 3 条 · 无效 2 条');
    expect(text).not.toContain('area too small');
  });

  it('groups unknown findings by the fact they miss, with labels, counts and examples', async () => {
    const results = sampleResults();
    const text = await format(createTableFormatter, results, { failOn: 'violation', lang: 'zh' });
    const unknowns = results.flatMap((r) => r.findings.filter((f) => f.status === 'unknown'));
    expect(unknowns.length).toBeGreaterThan(0);
    expect(text).toContain('缺少的数据');
    for (const path of unknowns.flatMap((f) => f.missing ?? [])) expect(text).toContain(`(${path})`);
  });

  it('counts the unknown findings of a fact label first in English, so one is not "1 findings · 1 records"', async () => {
    const text = await format(createTableFormatter, sampleResults());
    expect(text).toMatch(/ {11}findings 1 · records 1 · e\.g\. /);
    expect(text).not.toMatch(/\b1 findings\b|\b1 records\b/);
  });

  it('lists every error of an invalid record, wrapped rather than cut', async () => {
    const results = sampleResults();
    const long = 'expected a calendar date YYYY-MM-DD, got "2023-02-29" (no such day in the calendar) '.repeat(3).trim();
    results.push({ line: 9, recordId: 'BAD-1', valid: false, errors: [issue('asOf', long), issue('facts.households', 'expected integer >= 0')], findings: [] });
    const text = await format(createTableFormatter, results, { failOn: 'violation', width: 60 });
    expect(text).toContain('BAD-1');
    expect(text.replace(/\s+/g, ' ')).toContain(`asOf: ${long}`.replace(/\s+/g, ' '));
    expect(text).toContain('facts.households: expected integer >= 0');
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });

  it('ends with a summary: counts, invalid records with every error, top failing checks, exit code', async () => {
    const text = await format(createTableFormatter, sampleResults(), { failOn: 'violation', city: 'shenyang' });
    expect(text).toContain('Records   6 read · 3 valid · 2 invalid · 1 skipped (not shenyang)');
    expect(text).toContain('Findings  pass 2 · fail 1 · unknown 1 · not-applicable 1');
    expect(text).toMatch(/line 5 +=cmd\|calc\n +• facts\.households: expected integer >= 0/);
    expect(text).toMatch(/Shenyang\n +1 {2}第十条第一款 +shenyang\.10\.1\.facility-area/);
    expect(text).toContain('cannot read missing.ndjson: no such file');
    expect(text).toContain('Exit code 2: invalid records or unreadable files');
  });

  it('keeps every line within the width, counting CJK characters double', async () => {
    const long = sampleResults();
    const first = long[0];
    if (first && 'findings' in first && first.findings[0]) {
      first.findings[0].message = { zh: '综合服务设施建筑面积'.repeat(20), en: 'The comprehensive service facility area is too small '.repeat(5) };
    }
    const text = await format(createTableFormatter, long, { failOn: 'violation', width: 60 });
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });
});
