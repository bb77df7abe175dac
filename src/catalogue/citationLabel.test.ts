import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCitationLabel } from './citationLabel.js';

describe('formatCitationLabel', () => {
  it('cites an article and its first paragraph as 第十条第一款', () => {
    expect(formatCitationLabel({ article: 10, paragraph: 1 })).toBe('第十条第一款');
  });

  it('cites 第三十四条第二款', () => {
    expect(formatCitationLabel({ article: 34, paragraph: 2, paragraphCount: 3 })).toBe('第三十四条第二款');
  });

  it('cites a whole article without 款', () => {
    expect(formatCitationLabel({ article: 47 })).toBe('第四十七条');
  });

  it('cites an enumerated item as 第十八条第三款第（二）项', () => {
    expect(formatCitationLabel({ article: 18, paragraph: 3, item: 2 })).toBe('第十八条第三款第（二）项');
  });

  it('omits 款 for a one-paragraph article even when paragraph 1 is given', () => {
    expect(formatCitationLabel({ article: 37, paragraph: 1, paragraphCount: 1 })).toBe('第三十七条');
  });

  it('keeps 款 when the paragraph count is unknown', () => {
    expect(formatCitationLabel({ article: 37, paragraph: 1 })).toBe('第三十七条第一款');
  });

  it('cites a Zhangjiakou decision item and paragraph as （三）第二款', () => {
    expect(formatCitationLabel({ city: 'zhangjiakou', article: 3, paragraph: 2, paragraphCount: 4 })).toBe('（三）第二款');
  });

  it('cites a one-paragraph Zhangjiakou item as （七）', () => {
    expect(formatCitationLabel({ city: 'zhangjiakou', article: 7, paragraph: 1, paragraphCount: 1 })).toBe('（七）');
  });

  it('cites other cities with 第X条', () => {
    expect(formatCitationLabel({ city: 'tonghua', article: 8, paragraph: 2 })).toBe('第八条第二款');
  });

  it("starts from the article's own label when given (a rule pack's city)", () => {
    expect(formatCitationLabel({ article: 3, articleLabel: '第三条', paragraph: 2, item: 1 })).toBe('第三条第二款第（一）项');
    expect(formatCitationLabel({ city: 'zhangjiakou', article: 5, articleLabel: '（五）', paragraph: 1, paragraphCount: 1 })).toBe('（五）');
  });

  it('throws a RangeError for a paragraph beyond the paragraph count', () => {
    expect(() => formatCitationLabel({ article: 8, paragraph: 3, paragraphCount: 2 })).toThrow(RangeError);
  });

  it('throws a RangeError for article 0', () => {
    expect(() => formatCitationLabel({ article: 0 })).toThrow(RangeError);
  });

  it('always starts with the article label and ends with 条, 款 or 项', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99 }),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        (article, paragraph, item) => {
          const label = formatCitationLabel({ article, paragraph, item });
          expect(label.startsWith(formatCitationLabel({ article }))).toBe(true);
          expect(label).toMatch(/[条款项]$/);
        },
      ),
    );
  });
});
