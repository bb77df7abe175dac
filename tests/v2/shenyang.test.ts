/** Shenyang under contract v2: the new checks at and around their boundaries, and why the rest have none. */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';
import { describeChecks, describeQuotes, type CheckSpec } from './checkCases.js';

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

const shenyang = { city: 'shenyang', binding: false, severity: 'violation' } as const;

const SPECS: CheckSpec[] = [
  {
    ...shenyang, id: 'shenyang.13.1.consultation-mechanism', kind: 'community', label: '第十三条第一款',
    cases: [
      { because: 'a community with a consultation body', facts: { hasConsultationBody: true }, status: 'pass' },
      { because: 'a community without one', facts: { hasConsultationBody: false }, status: 'fail' },
      { because: 'nothing known about it', facts: { households: 3200 }, status: 'unknown', missing: ['facts.hasConsultationBody'] },
    ],
  },
  {
    ...shenyang, id: 'shenyang.14.1.consultation-held', kind: 'consultation', label: '第十四条',
    cases: [
      { because: 'a major matter that was put to consultation', facts: { majorPublicInterest: true, consultationHeld: true }, status: 'pass' },
      { because: 'a major matter decided without consultation', facts: { majorPublicInterest: true, consultationHeld: false }, status: 'fail' },
      { because: 'a minor matter, whether consulted or not', facts: { majorPublicInterest: false, consultationHeld: false }, status: 'not-applicable' },
      { because: 'a minor matter with nothing known of a consultation', facts: { majorPublicInterest: false }, status: 'not-applicable' },
      { because: 'a major matter with the consultation unknown', facts: { majorPublicInterest: true }, status: 'unknown', missing: ['facts.consultationHeld'] },
      { because: 'a consultation held on a matter of unknown weight', facts: { consultationHeld: false }, status: 'unknown', missing: ['facts.majorPublicInterest'] },
    ],
  },
  {
    ...shenyang, id: 'shenyang.16.1.linkage-mechanism', kind: 'community', label: '第十六条',
    cases: [
      { because: 'a linkage mechanism and an informant system', facts: { linkageMechanism: true, informantSystem: true }, status: 'pass' },
      { because: 'no linkage mechanism', facts: { linkageMechanism: false, informantSystem: true }, status: 'fail' },
      { because: 'no informant system (item (一))', facts: { linkageMechanism: true, informantSystem: false }, status: 'fail' },
      { because: 'no linkage mechanism decides whatever the informant system', facts: { linkageMechanism: false }, status: 'fail' },
      { because: 'a linkage mechanism with the informant system unknown', facts: { linkageMechanism: true }, status: 'unknown', missing: ['facts.informantSystem'] },
      { because: 'an informant system with the mechanism unknown', facts: { informantSystem: true }, status: 'unknown', missing: ['facts.linkageMechanism'] },
      { because: 'neither known', facts: {}, status: 'unknown', missing: ['facts.linkageMechanism', 'facts.informantSystem'] },
    ],
  },
  {
    ...shenyang, id: 'shenyang.17.1.resident-convention', kind: 'community', label: '第十七条',
    cases: [
      { because: 'a community with a resident convention', facts: { residentConvention: true }, status: 'pass' },
      { because: 'a community without one', facts: { residentConvention: false }, status: 'fail' },
      { because: 'the convention not stated', facts: { hasConsultationBody: true }, status: 'unknown', missing: ['facts.residentConvention'] },
    ],
  },
  {
    ...shenyang, id: 'shenyang.18.1.info-systems-linked', kind: 'community', label: '第十八条',
    cases: [
      { because: 'systems linked to (or migrated into) the platform', facts: { infoSystemsLinked: true }, status: 'pass' },
      { because: 'systems standing apart', facts: { infoSystemsLinked: false }, status: 'fail' },
      { because: 'not stated', facts: {}, status: 'unknown', missing: ['facts.infoSystemsLinked'] },
    ],
  },
  {
    ...shenyang, id: 'shenyang.25.1.purchase-budgeted', kind: 'governmentBudget', label: '第二十五条',
    cases: [
      { because: 'purchase funds in the budget', facts: { year: 2024, purchasedServicesBudgeted: true }, status: 'pass' },
      { because: 'purchase funds left out', facts: { year: 2024, purchasedServicesBudgeted: false, communityFundsBudgeted: true }, status: 'fail' },
      { because: 'only community funds known', facts: { year: 2024, communityFundsBudgeted: true }, status: 'unknown', missing: ['facts.purchasedServicesBudgeted'] },
    ],
  },
  {
    ...shenyang, id: 'shenyang.35.1.funding-budgeted', kind: 'governmentBudget', label: '第三十五条',
    cases: [
      { because: 'community-building funds in the budget', facts: { year: 2024, communityFundsBudgeted: true }, status: 'pass' },
      { because: 'community-building funds left out', facts: { year: 2024, communityFundsBudgeted: false, purchasedServicesBudgeted: true }, status: 'fail' },
      { because: 'only purchase funds known', facts: { purchasedServicesBudgeted: true }, status: 'unknown', missing: ['facts.communityFundsBudgeted'] },
    ],
  },
  {
    ...shenyang, id: 'shenyang.37.1.community-opinions', kind: 'departmentReview', label: '第三十七条',
    cases: [
      { because: 'a review that heard the communities', facts: { communityOpinionsHeard: true }, status: 'pass' },
      { because: 'a review that did not', facts: { communityOpinionsHeard: false, committeeOpinionsHeard: true }, status: 'fail' },
      { because: 'only the committees’ hearing known (Shenyang asks for the communities’)', facts: { committeeOpinionsHeard: true }, status: 'unknown', missing: ['facts.communityOpinionsHeard'] },
    ],
  },
];

describeChecks('Shenyang: the new checks of contract v2', SPECS);
describeQuotes('shenyang', SPECS.map((s) => s.id));
