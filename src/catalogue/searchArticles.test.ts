import { describe, expect, it } from 'vitest';
import { CITY_KEYS } from '../types.js';
import { searchArticles } from './searchArticles.js';

describe('searchArticles', () => {
  it('finds 网格 in all five laws (Guiyang through its corrected text)', () => {
    const cities = new Set(searchArticles('网格').map((match) => match.city));
    expect(cities).toEqual(new Set(CITY_KEYS));
  });

  it('searches one city when asked', () => {
    const matches = searchArticles('网格', { city: 'tonghua' });
    expect(matches.every((match) => match.city === 'tonghua')).toBe(true);
    expect(matches.map((match) => match.label)).toContain('第十四条');
  });

  it('returns only the paragraphs that match, labelled for citation', () => {
    const [match] = searchArticles('不得擅自在社区设立工作机构', { city: 'shenyang' });
    expect(match?.label).toBe('第十三条');
    expect(match?.paragraphs.map((paragraph) => paragraph.label)).toEqual(['第十三条第三款']);
  });

  it('cites a one-paragraph article without 款', () => {
    const [match] = searchArticles('不低于800平方米');
    expect(match?.city).toBe('guiyang');
    expect(match?.paragraphs[0]?.label).toBe('第三十七条');
  });

  it('cites Zhangjiakou paragraphs as （三）第四款', () => {
    const [match] = searchArticles('最多跑一次', { city: 'zhangjiakou' });
    expect(match?.paragraphs[0]?.label).toBe('（三）第四款');
  });

  it('matches full-width and ASCII brackets alike', () => {
    const ascii = searchArticles('居(村)民委员会', { city: 'dalian' });
    const fullWidth = searchArticles('居（村）民委员会', { city: 'dalian' });
    expect(fullWidth).toEqual(ascii);
    expect(ascii.length).toBeGreaterThan(0);
  });

  it('finds a traditional query in Guiyang’s source text', () => {
    const matches = searchArticles('服務視窗');
    expect(matches.map((match) => `${match.city} ${match.label}`)).toEqual(['guiyang 第二十七条', 'guiyang 第二十八条']);
  });

  it('returns nothing for text no law contains', () => {
    expect(searchArticles('火星基地')).toEqual([]);
  });

  it('throws a RangeError for an empty query', () => {
    expect(() => searchArticles('  ')).toThrow(RangeError);
  });
});
