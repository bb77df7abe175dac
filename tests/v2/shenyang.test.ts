/** Shenyang under contract v2: the articles left without a check each say why, in words of their own. */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';

const { articles, law } = ruleFiles.shenyang;
/** The articles contract v2 leaves without a check (every other article gets at least one). */
const UNCHECKED_V2 = [1, 2, 3, 4, 5, 6, 7, 8, 11, 15, 19, 20, 21, 22, 23, 24, 26, 27, 28, 29, 30, 31, 33, 38];
const article = (n: number) => articles.find((a) => a.number === n)!;

describe('Shenyang articles without a check', () => {
  it('each carry a note of their own, not a sentence shared with another article', () => {
    const notes = UNCHECKED_V2.map((n) => article(n).noCheck?.note ?? '');
    expect(notes.filter((n) => n.length < 60)).toEqual([]);
    expect(new Set(notes).size).toBe(notes.length);
  });

  it('read 第十五条 and the community’s soft duties as duties of the community, not of government', () => {
    for (const n of [15, 28, 31]) {
      expect(article(n).noCheck?.reason).not.toBe('government-duty');
      expect(article(n).text).toMatch(/^社区应当/);
      expect(article(n).noCheck?.note).toMatch(/duty of the community/);
    }
  });

  it('read 第二十二条 (可…探索) as a permission, not a duty', () => {
    expect(article(22).text).toContain('可通过');
    expect(article(22).noCheck?.reason).toBe('encouragement');
  });

  it('give the blank commencement article of the draft as the reason it has no in-force date', () => {
    expect(law.inForceFrom).toBeNull();
    expect(article(38).noCheck?.reason).toBe('commencement');
    expect(article(38).noCheck?.note).toContain('inForceFrom null');
  });
});
