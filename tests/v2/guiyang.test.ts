/** Guiyang under contract v2: the articles left without a check each say why, in words of their own. */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';

const { articles } = ruleFiles.guiyang;
/** The articles contract v2 leaves without a check (every other article gets at least one). */
const UNCHECKED_V2 = [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 22, 23, 26, 31, 32, 33, 34, 45, 46, 47];
const unchecked = articles.filter((a) => UNCHECKED_V2.includes(a.number));

describe('Guiyang articles without a check', () => {
  it('each carry a note of their own, not a sentence shared with another article', () => {
    const notes = unchecked.map((a) => a.noCheck?.note ?? '');
    expect(notes.filter((n) => n.length < 60)).toEqual([]);
    expect(new Set(notes).size).toBe(notes.length);
  });

  it('read the duty catalogues 第十一条 to 第十三条 as what guiyang.15.1 calls scope, not as checks of their own', () => {
    for (const number of [11, 12, 13]) {
      const article = articles.find((a) => a.number === number)!;
      expect(article.noCheck?.reason).toBe('definition');
      expect(article.noCheck?.note).toContain('guiyang.15.1');
    }
  });

  it('give the commencement article the date the law takes as its in-force date', () => {
    const last = articles.find((a) => a.number === 47)!;
    expect(last.noCheck?.reason).toBe('commencement');
    expect(last.noCheck?.note).toContain(ruleFiles.guiyang.law.inForceFrom!);
  });
});
