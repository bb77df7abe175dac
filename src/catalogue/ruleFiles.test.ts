import { describe, expect, it } from 'vitest';
import { CITY_KEYS, type CityKey } from '../types.js';
import { getRuleFile, ruleFiles } from './ruleFiles.js';

describe('ruleFiles', () => {
  it('bundles one rule file per city, each naming its own city', () => {
    expect(Object.keys(ruleFiles)).toEqual([...CITY_KEYS]);
    for (const city of CITY_KEYS) {
      expect(ruleFiles[city].city).toBe(city);
      expect(ruleFiles[city].law.city).toBe(city);
    }
  });

  it('gives every article a label, paragraphs and text', () => {
    for (const city of CITY_KEYS) {
      for (const article of ruleFiles[city].articles) {
        expect(article.label).not.toBe('');
        expect(article.paragraphs.length).toBeGreaterThan(0);
        expect(article.text).toBe(article.paragraphs.map((paragraph) => paragraph.text).join('\n'));
      }
    }
  });
});

describe('getRuleFile', () => {
  it('returns the city’s rule file', () => {
    expect(getRuleFile('zhangjiakou').closing).toBe('本决定自通过之日起施行。');
  });

  it('throws a RangeError naming the five keys for an unknown city', () => {
    expect(() => getRuleFile('harbin' as CityKey)).toThrow(/shenyang, dalian, guiyang, tonghua, zhangjiakou/);
  });
});
