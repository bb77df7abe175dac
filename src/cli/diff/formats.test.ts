import { describe, expect, it } from 'vitest';
import { Differ } from './compare.js';
import { diffSummaryLine } from './formats.js';

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
});
