import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closingLine, formatCount } from './closingLine.js';

const summary = (records: number, valid: number, invalid: number, skipped: number, fail: number, exitCode = 1) => ({
  records,
  valid,
  invalid,
  skipped,
  findings: { fail, pass: 0, 'not-applicable': 0, unknown: 0 },
  exitCode,
});

describe('formatCount', () => {
  it('groups the digits of a count by threes and changes nothing else', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        const text = formatCount(n);
        expect(text.replaceAll(',', '')).toBe(String(n));
        // Groups of three after a first group of one to three digits.
        expect(text).toMatch(/^\d{1,3}(,\d{3})*$/);
      }),
    );
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(formatCount(999)).toBe('999');
  });
});

describe("check's closing line on a terminal", () => {
  it('groups the digits of every count, in English and in Chinese', () => {
    const big = summary(1_000_000, 999_990, 10, 0, 1_234_567);
    expect(closingLine(big, 'en')).toBe(
      'shequ-rules check: 1,000,000 records · 999,990 valid · 10 invalid · 0 skipped · 1,234,567 failing findings · exit 1\n',
    );
    expect(closingLine(big, 'zh')).toBe('shequ-rules check：记录 1,000,000 条 · 有效 999,990 · 无效 10 · 跳过 0 · 不符合 1,234,567 项 · 退出码 1\n');
  });

  it('says one record and one failing finding in the singular', () => {
    expect(closingLine(summary(1, 1, 0, 0, 1), 'en')).toBe('shequ-rules check: 1 record · 1 valid · 0 invalid · 0 skipped · 1 failing finding · exit 1\n');
    expect(closingLine(summary(0, 0, 0, 0, 0, 0), 'en')).toBe('shequ-rules check: 0 records · 0 valid · 0 invalid · 0 skipped · 0 failing findings · exit 0\n');
  });
});
