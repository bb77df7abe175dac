/** Dalian under contract v2: the new checks at and around their boundaries, and why the rest have none. */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';
import { describeChecks, describeQuotes, type CheckSpec } from './checkCases.js';

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

  it('mark the liability articles 第四十三条 to 第四十五条, and cite 第四十四条 from the checks on the committee’s duties', () => {
    for (const n of [43, 44, 45]) expect(article(n).noCheck?.reason).toBe('liability');
    const citing = articles.flatMap((a) => a.checks.filter((c) => c.liability === 44).map((c) => c.id));
    expect(citing).toEqual(expect.arrayContaining(['dalian.19.3.resident-convention', 'dalian.22.2.consultation-committee', 'dalian.36.2.volunteer-station']));
    // 第四十四条 corrects the 居(村)民委员会: every check citing it is about a committee's duty
    for (const id of citing) {
      const [, n, p] = id.split('.');
      expect(article(Number(n)).paragraphs[Number(p) - 1]!.text).toMatch(/^居\(村\)民委员会/);
    }
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

const dalian = { city: 'dalian', binding: false, severity: 'violation' } as const;
const BOTH = ['civilizationPracticeStation', 'volunteerStation'];

const SPECS: CheckSpec[] = [
  {
    ...dalian, id: 'dalian.19.3.resident-convention', kind: 'community', label: '第十九条第三款', liability: '第四十四条',
    cases: [
      { because: 'a committee with a resident convention', facts: { residentConvention: true }, status: 'pass' },
      { because: 'a village committee with village rules (村规民约)', facts: { setting: 'rural', residentConvention: true }, status: 'pass' },
      { because: 'a committee with none', facts: { residentConvention: false }, status: 'fail' },
      { because: 'not stated', facts: { setting: 'rural' }, status: 'unknown', missing: ['facts.residentConvention'] },
    ],
  },
  {
    ...dalian, id: 'dalian.20.1.health-worker', kind: 'community', label: '第二十条',
    cases: [
      { because: 'a designated patriotic-health worker', facts: { patrioticHealthWorker: true }, status: 'pass' },
      { because: 'none designated', facts: { patrioticHealthWorker: false }, status: 'fail' },
      { because: 'not stated', facts: { households: 2000 }, status: 'unknown', missing: ['facts.patrioticHealthWorker'] },
    ],
  },
  {
    ...dalian, id: 'dalian.21.1.enforcement-staff', kind: 'streetOffice', label: '第二十一条第一款',
    cases: [
      { because: 'no enforcement staff', facts: { enforcementStaff: 0 }, status: 'fail', expected: 1, actual: 0 },
      { because: 'one officer, the boundary', facts: { enforcementStaff: 1 }, status: 'pass', expected: 1, actual: 1 },
      { because: 'more than one', facts: { enforcementStaff: 7 }, status: 'pass', expected: 1, actual: 7 },
      { because: 'one officer where a caller reads a standard of two', facts: { enforcementStaff: 1 }, parameters: { 'dalian.21.1.enforcement-staff': { minStaff: 2 } }, status: 'fail', expected: 2, actual: 1 },
      { because: 'two officers where a caller reads a standard of two', facts: { enforcementStaff: 2 }, parameters: { 'dalian.21.1.enforcement-staff': { minStaff: 2 } }, status: 'pass', expected: 2, actual: 2 },
      { because: 'staff not stated', facts: { compounds: 12 }, status: 'unknown', missing: ['facts.enforcementStaff'] },
    ],
  },
  {
    ...dalian, id: 'dalian.32.2.property-coordination', kind: 'streetOffice', label: '第三十二条第二款',
    cases: [
      { because: 'a coordination mechanism', facts: { propertyCoordinationMechanism: true }, status: 'pass' },
      { because: 'none', facts: { propertyCoordinationMechanism: false }, status: 'fail' },
      { because: 'not stated', facts: { enforcementStaff: 2 }, status: 'unknown', missing: ['facts.propertyCoordinationMechanism'] },
    ],
  },
  {
    ...dalian, id: 'dalian.36.2.volunteer-station', kind: 'community', label: '第三十六条第二款', liability: '第四十四条',
    cases: [
      { because: 'a volunteer station and the civilisation practice station it rests on', facts: { facilityComponents: BOTH }, status: 'pass' },
      { because: 'both among other components', facts: { facilityComponents: ['serviceHall', ...BOTH, 'readingRoom'] }, status: 'pass' },
      { because: 'a volunteer station without a practice station', facts: { facilityComponents: ['volunteerStation', 'serviceHall'] }, status: 'fail' },
      { because: 'a practice station without a volunteer station', facts: { facilityComponents: ['civilizationPracticeStation'] }, status: 'fail' },
      { because: 'no components at all', facts: { facilityComponents: [] }, status: 'fail' },
      { because: 'components not stated', facts: { residentConvention: true }, status: 'unknown', missing: ['facts.facilityComponents'] },
    ],
  },
  {
    ...dalian, id: 'dalian.38.1.funding-budgeted', kind: 'governmentBudget', label: '第三十八条',
    cases: [
      { because: 'governance funds in the budget', facts: { year: 2023, communityFundsBudgeted: true }, status: 'pass' },
      { because: 'governance funds left out', facts: { year: 2023, communityFundsBudgeted: false }, status: 'fail' },
      { because: 'not stated', facts: { year: 2023 }, status: 'unknown', missing: ['facts.communityFundsBudgeted'] },
    ],
  },
  {
    ...dalian, id: 'dalian.39.2.worker-pay-floor', kind: 'communityWorker', label: '第三十九条第二款',
    cases: [
      { because: 'pay a yuan below the standard', facts: { fullTime: true, monthlyPayYuan: 3999, payFloorYuan: 4000 }, status: 'fail', expected: 4000, actual: 3999 },
      { because: 'pay a fen below the standard', facts: { fullTime: true, monthlyPayYuan: 3999.99, payFloorYuan: 4000 }, status: 'fail', expected: 4000, actual: 3999.99 },
      { because: 'pay exactly at the standard (不低于 includes it)', facts: { fullTime: true, monthlyPayYuan: 4000, payFloorYuan: 4000 }, status: 'pass', expected: 4000, actual: 4000 },
      { because: 'pay above the standard', facts: { fullTime: true, monthlyPayYuan: 4000.01, payFloorYuan: 4000 }, status: 'pass', expected: 4000, actual: 4000.01 },
      { because: 'no pay at all against a standard', facts: { fullTime: true, monthlyPayYuan: 0, payFloorYuan: 2100 }, status: 'fail', expected: 2100, actual: 0 },
      { because: 'a part-time worker below the standard', facts: { fullTime: false, monthlyPayYuan: 1000, payFloorYuan: 4000 }, status: 'not-applicable' },
      { because: 'a part-time worker with nothing else known', facts: { fullTime: false }, status: 'not-applicable' },
      { because: 'pay not stated', facts: { fullTime: true, payFloorYuan: 4000 }, status: 'unknown', missing: ['facts.monthlyPayYuan'] },
      { because: 'the standard not stated', facts: { fullTime: true, monthlyPayYuan: 5000 }, status: 'unknown', missing: ['facts.payFloorYuan'] },
      { because: 'neither stated', facts: { fullTime: true }, status: 'unknown', missing: ['facts.monthlyPayYuan', 'facts.payFloorYuan'] },
      { because: 'whether full-time not stated', facts: { monthlyPayYuan: 3000, payFloorYuan: 4000 }, status: 'unknown', missing: ['facts.fullTime'] },
    ],
  },
  {
    ...dalian, id: 'dalian.39.2.social-insurance', kind: 'communityWorker', label: '第三十九条第二款',
    cases: [
      { because: 'an insured full-time worker', facts: { fullTime: true, socialInsurance: true }, status: 'pass' },
      { because: 'an uninsured full-time worker', facts: { fullTime: true, socialInsurance: false }, status: 'fail' },
      { because: 'an uninsured part-time worker', facts: { fullTime: false, socialInsurance: false }, status: 'not-applicable' },
      { because: 'insurance not stated', facts: { fullTime: true, fiveInsurancesOneFund: true }, status: 'unknown', missing: ['facts.socialInsurance'] },
      { because: 'whether full-time not stated', facts: { socialInsurance: false }, status: 'unknown', missing: ['facts.fullTime'] },
    ],
  },
];

describeChecks('Dalian: the new checks of contract v2', SPECS);
describeQuotes('dalian', SPECS.map((s) => s.id));
