/** Zhangjiakou under contract v2: the new checks at and around their boundaries, and why the rest have none. */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';
import { describeChecks, describeQuotes, type CheckSpec } from './checkCases.js';

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

const zhangjiakou = { city: 'zhangjiakou', binding: true, severity: 'violation' } as const;
const SEVEN = ['laborEmployment', 'socialSecurity', 'educationHealth', 'housingSecurity', 'cultureSports', 'publicSafety', 'publicLegalServices'];

const SPECS: CheckSpec[] = [
  {
    ...zhangjiakou, id: 'zhangjiakou.3.3.two-way-evaluation', kind: 'streetOffice', label: '（三）第三款',
    cases: [
      { because: 'a two-way evaluation in place', facts: { twoWayEvaluation: true }, status: 'pass' },
      { because: 'none', facts: { twoWayEvaluation: false }, status: 'fail' },
      { because: 'not stated', facts: { compounds: 9 }, status: 'unknown', missing: ['facts.twoWayEvaluation'] },
    ],
  },
  {
    ...zhangjiakou, id: 'zhangjiakou.4.1.resident-convention', kind: 'community', label: '（四）',
    cases: [
      { because: 'a community convention', facts: { residentConvention: true }, status: 'pass' },
      { because: 'none', facts: { residentConvention: false }, status: 'fail' },
      { because: 'not stated', facts: {}, status: 'unknown', missing: ['facts.residentConvention'] },
    ],
  },
  {
    ...zhangjiakou, id: 'zhangjiakou.6.1.public-services', kind: 'community', label: '（六）', severity: 'warning',
    cases: [
      { because: 'all seven services', facts: { publicServices: SEVEN }, status: 'pass' },
      { because: 'all seven in another order', facts: { publicServices: [...SEVEN].reverse() }, status: 'pass' },
      ...SEVEN.map((service) => ({
        because: `every service but ${service}`,
        facts: { publicServices: SEVEN.filter((s) => s !== service) },
        status: 'fail' as const,
      })),
      { because: 'no services', facts: { publicServices: [] }, status: 'fail' },
      { because: 'services not stated', facts: { residentConvention: true }, status: 'unknown', missing: ['facts.publicServices'] },
    ],
  },
  {
    ...zhangjiakou, id: 'zhangjiakou.9.1.owners-committee', kind: 'compound', label: '（九）',
    cases: [
      { because: 'an owners committee', facts: { hasOwnersCommittee: true, hasPropertyManagementCommittee: false }, status: 'pass' },
      { because: 'a property management committee in its place', facts: { hasOwnersCommittee: false, hasPropertyManagementCommittee: true }, status: 'pass' },
      { because: 'an owners committee, the other body unknown', facts: { hasOwnersCommittee: true }, status: 'pass' },
      { because: 'a property management committee, the owners committee unknown', facts: { hasPropertyManagementCommittee: true }, status: 'pass' },
      { because: 'neither body', facts: { hasOwnersCommittee: false, hasPropertyManagementCommittee: false }, status: 'fail' },
      { because: 'no owners committee, the other body unknown', facts: { hasOwnersCommittee: false }, status: 'unknown', missing: ['facts.hasPropertyManagementCommittee'] },
      { because: 'no management committee, the owners committee unknown', facts: { hasPropertyManagementCommittee: false }, status: 'unknown', missing: ['facts.hasOwnersCommittee'] },
      { because: 'neither stated', facts: { hasPropertyServiceProvider: true }, status: 'unknown', missing: ['facts.hasOwnersCommittee', 'facts.hasPropertyManagementCommittee'] },
    ],
  },
  {
    ...zhangjiakou, id: 'zhangjiakou.11.1.funding-budgeted', kind: 'governmentBudget', label: '（十一）第一款',
    cases: [
      { because: 'governance and service funds in the budget', facts: { year: 2021, communityFundsBudgeted: true }, status: 'pass' },
      { because: 'funds left out', facts: { year: 2021, communityFundsBudgeted: false, purchasedServicesBudgeted: true }, status: 'fail' },
      { because: 'not stated', facts: { year: 2021 }, status: 'unknown', missing: ['facts.communityFundsBudgeted'] },
    ],
  },
];

describeChecks('Zhangjiakou: the new checks of contract v2', SPECS);
describeQuotes('zhangjiakou', SPECS.map((s) => s.id));
