import { describe, expect, it } from 'vitest';
import type { CityKey } from '../types.js';
import { getArticle } from './getArticle.js';

describe('getArticle', () => {
  it('returns Guiyang 第三十七条 with its 800 m² in simplified text', () => {
    const article = getArticle('guiyang', 37);
    expect(article?.label).toBe('第三十七条');
    expect(article?.text).toContain('不低于800平方米');
    expect(article?.sourceText).toContain('服務管理用房');
  });

  it('returns Zhangjiakou item （三） with its four paragraphs', () => {
    const article = getArticle('zhangjiakou', 3);
    expect(article?.label).toBe('（三）');
    expect(article?.paragraphs).toHaveLength(4);
    expect(article?.chapter?.label).toBe('二、');
  });

  it('returns undefined for an article the law does not have', () => {
    expect(getArticle('tonghua', 46)).toBeUndefined();
    expect(getArticle('tonghua', 0)).toBeUndefined();
  });

  it('throws a RangeError for an unknown city', () => {
    expect(() => getArticle('beijing' as CityKey, 1)).toThrow(RangeError);
  });
});
