import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../check/width.js';
import { Differ, type FindingDiff } from './compare.js';
import { createDiffWriter, diffSummaryLine } from './formats.js';

describe('diffSummaryLine', () => {
  it('says how many results had no id and which ids repeated, and only when there were some', () => {
    // Arrange
    const clean = new Differ();
    clean.addBefore({ recordId: 'A', findings: [] });
    clean.compare({ recordId: 'A', findings: [] });
    const odd = new Differ();
    odd.addBefore({ recordId: null, valid: false, findings: [] });
    odd.addBefore({ recordId: 'A', findings: [] });
    odd.addBefore({ recordId: 'A', findings: [] });
    odd.compare({ recordId: 'A', findings: [] });

    // Act
    const [cleanEn, oddEn, oddZh] = [diffSummaryLine(clean.summary(), 'en'), diffSummaryLine(odd.summary(), 'en'), diffSummaryLine(odd.summary(), 'zh')];

    // Assert
    expect(cleanEn).not.toMatch(/no record id|several records/);
    expect(oddEn).toContain('; not compared, no record id: before 1, after 0');
    expect(oddEn).toContain('; ids given to several records (matched in order): before 1, after 0');
    expect(oddZh).toContain('没有记录编号、未比较的结果：之前 1 条，之后 0 条');
  });

  it('says one record in the singular', () => {
    const one = new Differ();
    one.addBefore({ recordId: 'A', findings: [] });
    one.compare({ recordId: 'A', findings: [] });
    const two = new Differ();
    two.addBefore({ recordId: 'A', findings: [] });
    two.addBefore({ recordId: 'B', findings: [] });
    two.compare({ recordId: 'A', findings: [] });
    expect(diffSummaryLine(one.summary(), 'en')).toMatch(/^before 1 record, after 1, matched 1: /);
    expect(diffSummaryLine(two.summary(), 'en')).toMatch(/^before 2 records, after 1, matched 1: /);
    expect(diffSummaryLine(one.summary(), 'zh')).toMatch(/^之前 1 条记录，之后 1 条，匹配 1 条：/);
  });
});

describe('the diff table', () => {
  /** The table's lines for one finding change and one added record, at `width` columns. */
  async function table(finding: FindingDiff, width: number, lang: 'en' | 'zh' = 'en'): Promise<string[]> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = createDiffWriter('table', out, lang, width);
    await writer.start();
    await writer.finding(finding);
    await writer.record({ change: 'added', recordId: finding.recordId, city: 'shenyang', failing: 12 });
    await writer.end(new Differ().summary());
    return Buffer.concat(chunks).toString('utf8').split('\n');
  }

  const change = (recordId: string, ruleId = 'shenyang.13.3.unauthorized-plaques'): FindingDiff => ({
    change: 'new-failure',
    recordId,
    city: 'shenyang',
    ruleId,
    citation: '第十三条第三款',
    before: 'pass',
    after: 'fail',
    message: { zh: '不符合', en: 'Does not comply' },
  });

  it('keeps the status change of a long line at 100 columns, cutting the id instead', async () => {
    const lines = await table(change('SY-C-0102-a-long-record-id-from-an-export-of-the-street-office-records-of-2024'), 100);
    expect(lines[0]).toMatch(/…  pass → fail$/);
    expect(displayWidth(lines[0]!)).toBeLessThanOrEqual(100);
    expect(lines[2]).toMatch(/… \(12 failing\)$/);
  });

  it('keeps the status change and the failing count whatever the ids and the width (zh too)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', 'Z', '-', '7', '社', '区'), maxLength: 80 }), fc.integer({ min: 40, max: 160 }), fc.constantFrom('en' as const, 'zh' as const), async (id, width, lang) => {
        const lines = await table(change(id), width, lang);
        expect(lines[0]!.endsWith(lang === 'zh' ? '符合 → 不符合' : 'pass → fail')).toBe(true);
        expect(lines[2]!.endsWith(lang === 'zh' ? '（不符合 12 项）' : ' (12 failing)')).toBe(true);
        for (const line of [lines[0]!, lines[2]!]) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 200 },
    );
  });
});
