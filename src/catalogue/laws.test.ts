import { describe, expect, it } from 'vitest';
import { CITY_KEYS } from '../types.js';
import { listLaws, summarizeLaws } from './laws.js';

describe('listLaws', () => {
  it('lists the five laws in city-key order', () => {
    expect(listLaws().map((law) => law.city)).toEqual([...CITY_KEYS]);
  });

  it('gives the drafts no dates in force and the in-force laws theirs', () => {
    const inForce = Object.fromEntries(listLaws().map((law) => [law.city, [law.status, law.inForceFrom]]));
    expect(inForce).toEqual({
      shenyang: ['draft', null],
      dalian: ['draft', null],
      guiyang: ['in-force', '2013-12-01'],
      tonghua: ['in-force', '2023-07-01'],
      zhangjiakou: ['in-force', '2020-11-17'],
    });
  });

  it('points every law at its seed page', () => {
    for (const law of listLaws()) expect(law.source.file).toMatch(/^seeds\/[a-z]+-[a-z0-9]+\.txt$/);
  });
});

describe('summarizeLaws', () => {
  it('counts the articles of each law as the spec does', () => {
    const counts = Object.fromEntries(summarizeLaws().map((law) => [law.city, law.articleCount]));
    expect(counts).toEqual({ shenyang: 38, dalian: 46, guiyang: 47, tonghua: 45, zhangjiakou: 15 });
  });

  it('never counts more checked articles than articles or checks', () => {
    for (const law of summarizeLaws()) {
      expect(law.checkedArticleCount).toBeLessThanOrEqual(law.articleCount);
      expect(law.checkedArticleCount).toBeLessThanOrEqual(law.checkCount);
    }
  });
});
