/** Zhangjiakou under contract v2: the items left without a check each say why, in words of their own. */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';

const { articles } = ruleFiles.zhangjiakou;
/** The items contract v2 leaves without a check (every other item gets at least one). */
const UNCHECKED_V2 = [1, 2, 5, 8, 10, 12, 14, 15];
const item = (n: number) => articles.find((a) => a.number === n)!;

describe('Zhangjiakou items without a check', () => {
  it('each carry a note of their own, not a sentence shared with another item', () => {
    const notes = UNCHECKED_V2.map((n) => item(n).noCheck?.note ?? '');
    expect(notes.filter((n) => n.length < 60)).toEqual([]);
    expect(new Set(notes).size).toBe(notes.length);
  });

  it('read （十二） 逐步提高 as a goal without a figure, so worker pay is not checked', () => {
    expect(item(12).text).toContain('逐步提高社区工作者相应待遇');
    expect(item(12).noCheck?.note).toContain('逐步');
  });

  it('read （十） as a duty of the residents, who are no record kind', () => {
    expect(item(10).text).toContain('社区居民应当');
    expect(item(10).noCheck?.reason).toBe('no-record-fact');
  });
});
