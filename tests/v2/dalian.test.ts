/** Dalian under contract v2: the articles left without a check each say why, in words of their own. */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';

const { articles, law } = ruleFiles.dalian;
/** The articles contract v2 leaves without a check (every other article gets at least one). */
const UNCHECKED_V2 = [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 29, 30, 31, 33, 35, 37, 41, 42, 43, 44, 45, 46];
const article = (n: number) => articles.find((a) => a.number === n)!;

describe('Dalian articles without a check', () => {
  it('each carry a note of their own, not a sentence shared with another article', () => {
    const notes = UNCHECKED_V2.map((n) => article(n).noCheck?.note ?? '');
    expect(notes.filter((n) => n.length < 60)).toEqual([]);
    expect(new Set(notes).size).toBe(notes.length);
  });

  it('read 第七条 as a duty of the residents’ committee, not of government', () => {
    expect(article(7).text).toMatch(/^居\(村\)民委员会应当/);
    expect(article(7).noCheck?.reason).not.toBe('government-duty');
  });

  it('read 可以 and 鼓励 (第十条, 第三十七条) as permissions and encouragement', () => {
    for (const n of [10, 37]) expect(article(n).noCheck?.reason).toBe('encouragement');
    expect(article(37).text).toContain('可以');
  });

  it('mark the liability articles 第四十三条 to 第四十五条', () => {
    for (const n of [43, 44, 45]) expect(article(n).noCheck?.reason).toBe('liability');
  });

  it('say why 第四十二条 (双向评价) is not checked although Zhangjiakou’s twin is', () => {
    expect(article(42).noCheck?.note).toContain('twoWayEvaluation');
  });

  it('give the blank commencement article of the draft as the reason it has no in-force date', () => {
    expect(law.inForceFrom).toBeNull();
    expect(article(46).noCheck?.reason).toBe('commencement');
    expect(article(46).noCheck?.note).toContain('inForceFrom null');
  });
});
