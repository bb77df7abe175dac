/**
 * Tonghua under contract v2: the new checks of §3, written from the contract's columns and the
 * article text (not read back from the rules), and the articles left without a check.
 */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';
import { describeChecks, type CheckSpec } from './checkCases.js';

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

const tonghua = { city: 'tonghua', binding: true, severity: 'violation' } as const;

/** A check whose pass is one boolean fact: true passes, false fails, absent is unknown. */
const flagCases = (fact: string, other: Record<string, unknown> = {}): CheckSpec['cases'] => [
  { because: `${fact} true`, facts: { ...other, [fact]: true }, status: 'pass' },
  { because: `${fact} false`, facts: { ...other, [fact]: false }, status: 'fail' },
  { because: `${fact} not stated`, facts: other, status: 'unknown', missing: [`facts.${fact}`] },
];

const SPECS: CheckSpec[] = [
  {
    ...tonghua, id: 'tonghua.9.1.party-center-base', kind: 'community', label: '第九条', severity: 'warning',
    cases: [
      { because: 'a facility built around a party-masses service centre', facts: { facilityComponents: ['serviceHall', 'partyServiceCenter'] }, status: 'pass' },
      { because: 'a facility without one', facts: { facilityComponents: ['serviceHall', 'committeeOffice'] }, status: 'fail' },
      { because: 'no component at all', facts: { facilityComponents: [] }, status: 'fail' },
      { because: 'the components not stated', facts: { hasServiceWindow: true }, status: 'unknown', missing: ['facts.facilityComponents'] },
    ],
  },
  {
    ...tonghua, id: 'tonghua.15.1.grid-head-role', kind: 'grid', label: '第十五条', severity: 'warning',
    cases: [
      { because: 'a grid head who sits on the party organisation or the committee', facts: { gridHeadRole: 'partyOrCommitteeMember' }, status: 'pass' },
      { because: 'a grid head who is another community worker', facts: { gridHeadRole: 'otherCommunityWorker' }, status: 'pass' },
      { because: 'a grid head from outside (一般 allows it, so a warning)', facts: { gridHeadRole: 'other' }, status: 'fail' },
      { because: 'the grid head\'s role not stated', facts: { gridHeads: 1 }, status: 'unknown', missing: ['facts.gridHeadRole'] },
    ],
  },
  {
    ...tonghua, id: 'tonghua.19.1.case-handling', kind: 'gridCase', label: '第十九条',
    cases: [
      { because: 'accepted, handled in time and answered', facts: { departmentAccepted: true, handledWithinDeadline: true, feedbackGiven: true }, status: 'pass' },
      { because: 'not accepted by the department', facts: { departmentAccepted: false, handledWithinDeadline: true, feedbackGiven: true }, status: 'fail' },
      { because: 'handled late', facts: { departmentAccepted: true, handledWithinDeadline: false, feedbackGiven: true }, status: 'fail' },
      { because: 'no feedback', facts: { departmentAccepted: true, handledWithinDeadline: true, feedbackGiven: false }, status: 'fail' },
      { because: 'a refusal decides whatever else is unknown', facts: { departmentAccepted: false }, status: 'fail' },
      { because: 'accepted and handled, feedback not stated', facts: { departmentAccepted: true, handledWithinDeadline: true }, status: 'unknown', missing: ['facts.feedbackGiven'] },
      { because: 'nothing stated', facts: {}, status: 'unknown', missing: ['facts.departmentAccepted', 'facts.handledWithinDeadline', 'facts.feedbackGiven'] },
    ],
  },
  { ...tonghua, id: 'tonghua.21.1.consultation-mechanism', kind: 'community', label: '第二十一条第一款', cases: flagCases('hasConsultationBody') },
  { ...tonghua, id: 'tonghua.21.2.resident-convention', kind: 'community', label: '第二十一条第二款', cases: flagCases('residentConvention', { hasConsultationBody: true }) },
  { ...tonghua, id: 'tonghua.21.3.affairs-disclosure', kind: 'community', label: '第二十一条第三款', cases: flagCases('affairsDisclosure') },
  {
    ...tonghua, id: 'tonghua.25.2.emergency-response', kind: 'emergencyEvent', label: '第二十五条第二款',
    cases: [
      { because: 'the mechanism started and the information reported', facts: { responseActivated: true, infoReported: true }, status: 'pass' },
      { because: 'the mechanism not started', facts: { responseActivated: false, infoReported: true }, status: 'fail' },
      { because: 'the information not reported', facts: { responseActivated: true, infoReported: false }, status: 'fail' },
      { because: 'started, reporting not stated', facts: { responseActivated: true }, status: 'unknown', missing: ['facts.infoReported'] },
    ],
  },
  { ...tonghua, id: 'tonghua.26.2.property-coordination', kind: 'community', label: '第二十六条第二款', cases: flagCases('propertyCoordinationMechanism') },
  {
    ...tonghua, id: 'tonghua.26.3.self-governance', kind: 'compound', label: '第二十六条第三款',
    cases: [
      { because: 'a compound with no property firm and a self-governance body', facts: { hasPropertyServiceProvider: false, hasSelfGovernanceOrg: true }, status: 'pass' },
      { because: 'a compound with neither', facts: { hasPropertyServiceProvider: false, hasSelfGovernanceOrg: false }, status: 'fail' },
      { because: 'a compound with a property firm', facts: { hasPropertyServiceProvider: true, hasSelfGovernanceOrg: false }, status: 'not-applicable' },
      { because: 'a compound with a property firm, nothing else known', facts: { hasPropertyServiceProvider: true }, status: 'not-applicable' },
      { because: 'no property firm, self-governance not stated', facts: { hasPropertyServiceProvider: false }, status: 'unknown', missing: ['facts.hasSelfGovernanceOrg'] },
      { because: 'a self-governance body where the firm is not stated', facts: { hasSelfGovernanceOrg: true }, status: 'unknown', missing: ['facts.hasPropertyServiceProvider'] },
    ],
  },
  { ...tonghua, id: 'tonghua.35.1.funding-budgeted', kind: 'governmentBudget', label: '第三十五条第一款', cases: flagCases('communityFundsBudgeted', { year: 2024 }) },
  {
    ...tonghua, id: 'tonghua.36.2.five-insurances', kind: 'communityWorker', label: '第三十六条第二款',
    cases: [
      { because: 'a full-time worker with the five insurances and the housing fund', facts: { fullTime: true, fiveInsurancesOneFund: true }, status: 'pass' },
      { because: 'a full-time worker without them', facts: { fullTime: true, fiveInsurancesOneFund: false }, status: 'fail' },
      { because: 'a part-time worker (专职 only)', facts: { fullTime: false, fiveInsurancesOneFund: false }, status: 'not-applicable' },
      { because: 'a full-time worker, benefits not stated', facts: { fullTime: true }, status: 'unknown', missing: ['facts.fiveInsurancesOneFund'] },
      { because: 'benefits paid to a worker of unknown status', facts: { fiveInsurancesOneFund: true }, status: 'unknown', missing: ['facts.fullTime'] },
    ],
  },
  {
    ...tonghua, id: 'tonghua.38.1.opinions-heard', kind: 'departmentReview', label: '第三十八条第一款',
    cases: [
      { because: 'the committee and the residents\' representatives heard', facts: { committeeOpinionsHeard: true, residentRepOpinionsHeard: true }, status: 'pass' },
      { because: 'the representatives not heard', facts: { committeeOpinionsHeard: true, residentRepOpinionsHeard: false }, status: 'fail' },
      { because: 'the committee not heard', facts: { committeeOpinionsHeard: false, residentRepOpinionsHeard: true }, status: 'fail' },
      { because: 'the committee heard, representatives not stated', facts: { committeeOpinionsHeard: true }, status: 'unknown', missing: ['facts.residentRepOpinionsHeard'] },
    ],
  },
];

describeChecks('Tonghua: the new checks of contract v2 §3', SPECS);

describe('Tonghua coverage under contract v2', () => {
  it('has a check on every article but those contract v2 leaves without one', () => {
    expect(articles.filter((a) => a.checks.length === 0).map((a) => a.number)).toEqual(UNCHECKED_V2);
    expect(articles.length - UNCHECKED_V2.length).toBe(15);
  });

  it('puts 第二十一条第二、三款 on the residents\' committee, as checks of the community', () => {
    const checks = articles.find((a) => a.number === 21)!.checks;
    expect(checks.map((c) => c.cites.paragraph)).toEqual([1, 2, 3]);
    for (const c of checks.filter((c) => c.cites.paragraph !== 1)) expect(c.severityReason).toContain('社区居民委员会应当');
  });
});

describe('Tonghua checks that read part of their paragraph or another body\'s duty', () => {
  it('quote in each note only Chinese that stands in the cited article', () => {
    for (const article of articles) {
      for (const c of article.checks.filter((c) => c.note)) {
        const quoted = c.note!.match(/[\u4e00-\u9fff][^\x00-\x7f]*/g) ?? [];
        expect(quoted.filter((q) => !article.text.includes(q)), c.id).toEqual([]);
      }
    }
  });

  it('read 第二十一条第一款 as the government\'s duty, checked by its result in the community', () => {
    const check = articles.find((a) => a.number === 21)!.checks.find((c) => c.cites.paragraph === 1)!;
    expect(check.kind).toBe('community');
    expect(check.note).toContain('应当指导建立');
  });
});
