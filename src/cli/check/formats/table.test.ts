import { describe, expect, it } from 'vitest';
import { format, sampleResults } from '../testing.js';
import { displayWidth } from '../width.js';
import { createTableFormatter } from './table.js';

describe('table formatter', () => {
  it('lists failing findings grouped by record, with the non-binding marker and both messages', async () => {
    const text = await format(createTableFormatter, sampleResults());
    expect(text).toContain('SY-0001  shenyang community  line 1\n');
    expect(text).toMatch(/ {2}✗ violation +第十条第一款 +shenyang\.10\.1\.facility-area {2}\[non-binding\]/);
    expect(text).toContain('    设施面积不足，"应"为620, 实为610\n');
    expect(text).toContain('    area too small, "required" 620, actual 610\n');
    expect(text).not.toContain('TH-0001  tonghua'); // nothing fails there
  });

  it('ends with a summary: counts, invalid records with their first error, top failing checks, exit code', async () => {
    const text = await format(createTableFormatter, sampleResults(), { failOn: 'violation', city: 'shenyang' });
    expect(text).toContain('Records   6 read · 3 valid · 2 invalid · 1 skipped (not shenyang)');
    expect(text).toContain('Findings  pass 2 · fail 1 · unknown 1 · not-applicable 1');
    expect(text).toMatch(/line 5 +=cmd\|calc +facts\.households: expected integer >= 0/);
    expect(text).toMatch(/shenyang\n +1 {2}第十条第一款 +shenyang\.10\.1\.facility-area/);
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
