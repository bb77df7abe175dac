/** Tonghua under contract v2: the articles left without a check each say why, in words of their own. */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';

const { articles } = ruleFiles.tonghua;
/** The articles contract v2 leaves without a check (every other article gets at least one). */
const UNCHECKED_V2 = [1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 17, 20, 22, 23, 24, 27, 28, 30, 31, 32, 33, 37, 39, 40, 41, 42, 43, 44, 45];
const unchecked = articles.filter((a) => UNCHECKED_V2.includes(a.number));

describe('Tonghua articles without a check', () => {
  it('each carry a note of their own, not a sentence shared with another article', () => {
    const notes = unchecked.map((a) => a.noCheck?.note ?? '');
    expect(notes.filter((n) => n.length < 60)).toEqual([]);
    expect(new Set(notes).size).toBe(notes.length);
  });

  it('mark the liability articles 第四十条 to 第四十三条 and say which check, if any, cites them', () => {
    for (const number of [40, 41, 42, 43]) {
      expect(articles.find((a) => a.number === number)!.noCheck?.reason).toBe('liability');
    }
    const cited = new Set(articles.flatMap((a) => a.checks.map((c) => c.liability)).filter((n) => n !== undefined));
    expect(cited.has(41)).toBe(true);
    expect(articles.find((a) => a.number === 41)!.noCheck?.note).toContain('tonghua.18.3.task-lists');
    // 第四十条 punishes building against the permit, not lateness (contract v2 §2)
    expect(articles.find((a) => a.number === 40)!.noCheck?.note).toContain('does not cite it');
  });

  it('read 第四十四条 (参照) as the rule file\'s nonBinding entry for rural settings', () => {
    expect(articles.find((a) => a.number === 44)!.noCheck?.reason).toBe('procedure');
    expect(ruleFiles.tonghua.nonBinding?.some((n) => n.article === 44)).toBe(true);
  });
});
