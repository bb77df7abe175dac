import { describe, expect, it } from 'vitest';
import type { DerivedCatalogue } from './derive.js';
import { mergeRuleFile, serializeRuleFile } from './merge.js';

// Arrange: a two-article law as the corpus would derive it.
const derived: DerivedCatalogue = {
  city: 'tonghua',
  law: {
    city: 'tonghua',
    title: '通化市社区治理促进条例',
    status: 'in-force',
    adopted: '2023-04-26',
    approved: '2023-05-30',
    published: null,
    inForceFrom: '2023-07-01',
    enactingBody: null,
    approvingBody: null,
    source: { file: 'seeds/tonghua-2023.txt', page: 'p' },
    articleCount: 2,
  },
  articles: [
    { number: 1, label: '第一条', chapter: null, text: '甲', paragraphs: [{ number: 1, text: '甲' }] },
    { number: 2, label: '第二条', chapter: null, text: '乙', paragraphs: [{ number: 1, text: '乙' }] },
  ],
};

const check = { id: 'tonghua.1.1.x', name: 'tonghua.1.1.x' };

describe('mergeRuleFile', () => {
  it('creates a file with empty checks when there is none yet', () => {
    const merged = mergeRuleFile(derived, undefined);
    expect(merged.articles).toEqual(derived.articles.map((article) => ({ ...article, checks: [] })));
    expect(Object.keys(merged)).toEqual(['city', 'law', 'articles']);
  });

  it('keeps each article’s checks and noCheck, matched by number', () => {
    const existing = mergeRuleFile(derived, undefined);
    const articles = existing.articles as Record<string, unknown>[];
    articles[0] = { ...articles[0], text: 'hand edit', checks: [check] };
    articles[1] = { ...articles[1], noCheck: { reason: 'principle', note: 'n' } };

    const merged = mergeRuleFile(derived, { ...existing, articles });

    expect(merged.articles).toEqual([
      { ...derived.articles[0], checks: [check] },
      { ...derived.articles[1], noCheck: { reason: 'principle', note: 'n' }, checks: [] },
    ]);
  });

  it('overwrites a hand edit of the law’s text with the seed’s', () => {
    const existing = mergeRuleFile(derived, undefined);
    const edited = { ...existing, law: { ...derived.law, title: '改过的标题', shortTitle: '通化条例' } };
    const merged = mergeRuleFile(derived, edited);
    expect(merged.law).toEqual({ ...derived.law, shortTitle: '通化条例' });
  });

  it('keeps top-level keys it does not derive, where the file has them', () => {
    const nonBinding = [{ kind: 'community', article: 44 }];
    const existing = { ...mergeRuleFile(derived, undefined), nonBinding };
    const merged = mergeRuleFile(derived, existing);
    expect(merged.nonBinding).toEqual(nonBinding);
    expect(Object.keys(merged)).toEqual(['city', 'law', 'articles', 'nonBinding']);
  });

  it('changes nothing when run on its own output', () => {
    const once = mergeRuleFile(derived, { city: 'tonghua', extra: 1, articles: [{ number: 2, checks: [check] }] });
    const twice = mergeRuleFile(derived, JSON.parse(serializeRuleFile(once)));
    expect(serializeRuleFile(twice)).toBe(serializeRuleFile(once));
  });

  it('refuses to drop an article that has checks but is no longer in the seed', () => {
    const existing = { city: 'tonghua', articles: [{ number: 3, checks: [check] }] };
    expect(() => mergeRuleFile(derived, existing)).toThrow(/article 3/);
  });

  it('refuses a file of another city', () => {
    expect(() => mergeRuleFile(derived, { city: 'dalian', articles: [] })).toThrow(/dalian/);
  });

  it('writes two-space JSON with Chinese unescaped and a trailing newline', () => {
    const text = serializeRuleFile({ title: '通化' });
    expect(text).toBe('{\n  "title": "通化"\n}\n');
  });
});
