/**
 * Guiyang under contract v2: the new checks of §3, written from the contract's columns and the
 * article text (not read back from the rules), and the articles left without a check.
 */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../../src/catalogue/ruleFiles.js';
import { describeChecks, type CheckSpec } from './checkCases.js';

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

const guiyang = { city: 'guiyang', binding: true, severity: 'violation' } as const;
const WINDOW = ['openProcedures', 'oneStop', 'firstContactResponsibility'];
const TERMS = ['serviceItems', 'quality', 'term', 'price', 'payment'];
const DISCLOSED = ['services', 'management', 'assessment'];

const SPECS: CheckSpec[] = [
  {
    ...guiyang, id: 'guiyang.16.1.head-selection', kind: 'community', label: '第十六条',
    cases: [
      { because: 'a head chosen by open recommendation and democratic election', facts: { serviceBodyHeadSelection: 'openRecommendationElection' }, status: 'pass' },
      { because: 'a head appointed', facts: { serviceBodyHeadSelection: 'appointment' }, status: 'fail' },
      { because: 'a head chosen some other way', facts: { serviceBodyHeadSelection: 'other' }, status: 'fail' },
      { because: 'the way the head was chosen not stated', facts: { hasServiceWindow: true }, status: 'unknown', missing: ['facts.serviceBodyHeadSelection'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.18.2.consultation-rules', kind: 'community', label: '第十八条第二款',
    cases: [
      { because: 'a consultation body with rules of procedure', facts: { consultationRules: true }, status: 'pass' },
      { because: 'one without rules', facts: { consultationRules: false }, status: 'fail' },
      { because: 'rules not stated', facts: { hasConsultationBody: true }, status: 'unknown', missing: ['facts.consultationRules'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.19.1.review-meetings', kind: 'community', label: '第十九条第（四）项', severity: 'warning',
    cases: [
      { because: 'no enlarged meeting in the year', facts: { enlargedReviewMeetingsPerYear: 0 }, status: 'fail', expected: 1, actual: 0 },
      { because: 'one enlarged meeting a year, the default minimum', facts: { enlargedReviewMeetingsPerYear: 1 }, status: 'pass', expected: 1, actual: 1 },
      { because: 'two meetings a year', facts: { enlargedReviewMeetingsPerYear: 2 }, status: 'pass' },
      { because: 'one meeting where an auditor asks for two', facts: { enlargedReviewMeetingsPerYear: 1 }, parameters: { 'guiyang.19.1.review-meetings': { minPerYear: 2 } }, status: 'fail', expected: 2, actual: 1 },
      { because: 'two meetings where an auditor asks for two', facts: { enlargedReviewMeetingsPerYear: 2 }, parameters: { 'guiyang.19.1.review-meetings': { minPerYear: 2 } }, status: 'pass' },
      { because: 'the count not stated', facts: { hasConsultationBody: true }, status: 'unknown', missing: ['facts.enlargedReviewMeetingsPerYear'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.20.1.residents-committee', kind: 'community', label: '第二十条第一款',
    cases: [
      { because: 'no residents\' committee in the community', facts: { residentsCommittees: 0 }, status: 'fail', expected: 1, actual: 0 },
      { because: 'one committee', facts: { residentsCommittees: 1 }, status: 'pass', actual: 1 },
      { because: 'several committees', facts: { residentsCommittees: 4 }, status: 'pass' },
      { because: 'the count not stated', facts: { households: 3000 }, status: 'unknown', missing: ['facts.residentsCommittees'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.24.1.deputy-visits', kind: 'community', label: '第二十四条', severity: 'warning',
    cases: [
      { because: 'no deputy visit in the year', facts: { deputyVisitsPerYear: 0 }, status: 'fail', expected: 1, actual: 0 },
      { because: 'one visit a year', facts: { deputyVisitsPerYear: 1 }, status: 'pass', expected: 1, actual: 1 },
      { because: 'three visits where an auditor asks for four (quarterly)', facts: { deputyVisitsPerYear: 3 }, parameters: { 'guiyang.24.1.deputy-visits': { minPerYear: 4 } }, status: 'fail', expected: 4, actual: 3 },
      { because: 'four visits where an auditor asks for four', facts: { deputyVisitsPerYear: 4 }, parameters: { 'guiyang.24.1.deputy-visits': { minPerYear: 4 } }, status: 'pass' },
      { because: 'the count not stated', facts: {}, status: 'unknown', missing: ['facts.deputyVisitsPerYear'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.25.1.filing-consultation', kind: 'orgRegistration', label: '第二十五条第一款',
    cases: [
      { because: 'a filing after hearing the residents\' committee', facts: { procedure: 'filing', committeeConsulted: true }, status: 'pass' },
      { because: 'a filing without hearing it', facts: { procedure: 'filing', committeeConsulted: false }, status: 'fail' },
      { because: 'a registration, which the committee need not be heard on', facts: { procedure: 'registration', committeeConsulted: false }, status: 'not-applicable' },
      { because: 'a registration with nothing else known', facts: { procedure: 'registration' }, status: 'not-applicable' },
      { because: 'a filing with the hearing not stated', facts: { procedure: 'filing' }, status: 'unknown', missing: ['facts.committeeConsulted'] },
      { because: 'a heard committee on a procedure not stated', facts: { committeeConsulted: true }, status: 'unknown', missing: ['facts.procedure'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.25.2.incubation-fund', kind: 'governmentBudget', label: '第二十五条第二款',
    cases: [
      { because: 'no incubation fund in the budget', facts: { year: 2024, socialOrgIncubationFundYuan: 0 }, status: 'fail', actual: 0 },
      { because: 'a fund of one yuan, the least above nothing', facts: { year: 2024, socialOrgIncubationFundYuan: 1 }, status: 'pass' },
      { because: 'a fund of two million yuan', facts: { year: 2024, socialOrgIncubationFundYuan: 2_000_000 }, status: 'pass' },
      { because: 'the fund not stated', facts: { year: 2024, communityFundsBudgeted: true }, status: 'unknown', missing: ['facts.socialOrgIncubationFundYuan'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.28.1.window-practices', kind: 'community', label: '第二十八条',
    cases: [
      { because: 'a window with all three practices', facts: { hasServiceWindow: true, windowPractices: WINDOW }, status: 'pass' },
      { because: 'a window without first-contact responsibility', facts: { hasServiceWindow: true, windowPractices: WINDOW.slice(0, 2) }, status: 'fail' },
      { because: 'a window with no practice at all', facts: { hasServiceWindow: true, windowPractices: [] }, status: 'fail' },
      { because: 'no window (第二十七条 is the check for that)', facts: { hasServiceWindow: false, windowPractices: [] }, status: 'not-applicable' },
      { because: 'a window whose practices are not stated', facts: { hasServiceWindow: true }, status: 'unknown', missing: ['facts.windowPractices'] },
      { because: 'practices listed but the window not stated', facts: { windowPractices: [] }, status: 'unknown', missing: ['facts.hasServiceWindow'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.29.2.purchase-contract', kind: 'task', label: '第二十九条第二款',
    cases: [
      { because: 'a purchase under a contract with all five terms', facts: { purchasedService: true, contractSigned: true, contractTerms: TERMS }, status: 'pass' },
      { because: 'a contract that leaves out the payment method', facts: { purchasedService: true, contractSigned: true, contractTerms: TERMS.slice(0, 4) }, status: 'fail' },
      { because: 'a purchase with no contract', facts: { purchasedService: true, contractSigned: false, contractTerms: [] }, status: 'fail' },
      { because: 'no contract decides whatever the terms', facts: { purchasedService: true, contractSigned: false }, status: 'fail' },
      { because: 'a contract whose terms are not stated', facts: { purchasedService: true, contractSigned: true }, status: 'unknown', missing: ['facts.contractTerms'] },
      { because: 'a task that is not a purchased service', facts: { purchasedService: false }, status: 'not-applicable' },
      { because: 'a contract on a task not known to be purchased', facts: { contractSigned: true, contractTerms: TERMS }, status: 'unknown', missing: ['facts.purchasedService'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.30.1.grid-workers', kind: 'grid', label: '第三十条第一款',
    cases: [
      { because: 'a grid with no grid worker', facts: { gridWorkers: 0 }, status: 'fail', expected: 1, actual: 0 },
      { because: 'a grid with one worker', facts: { gridWorkers: 1 }, status: 'pass', actual: 1 },
      { because: 'a grid with five workers', facts: { gridWorkers: 5 }, status: 'pass' },
      { because: 'the workers not stated', facts: { households: 300 }, status: 'unknown', missing: ['facts.gridWorkers'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.35.1.volunteer-teams', kind: 'community', label: '第三十五条第一款',
    cases: [
      { because: 'no volunteer team', facts: { volunteerTeams: 0 }, status: 'fail', expected: 1, actual: 0 },
      { because: 'one team, the default minimum', facts: { volunteerTeams: 1 }, status: 'pass', expected: 1, actual: 1 },
      { because: 'two teams where an auditor asks for three kinds', facts: { volunteerTeams: 2 }, parameters: { 'guiyang.35.1.volunteer-teams': { minTeams: 3 } }, status: 'fail', expected: 3, actual: 2 },
      { because: 'three teams where an auditor asks for three', facts: { volunteerTeams: 3 }, parameters: { 'guiyang.35.1.volunteer-teams': { minTeams: 3 } }, status: 'pass' },
      { because: 'the teams not stated', facts: {}, status: 'unknown', missing: ['facts.volunteerTeams'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.38.2.residents-consulted', kind: 'publicFacilityProject', label: '第三十八条第二款',
    cases: [
      { because: 'a builder who heard the residents', facts: { residentsConsulted: true }, status: 'pass' },
      { because: 'a builder who did not', facts: { residentsConsulted: false }, status: 'fail' },
      { because: 'the hearing not stated', facts: {}, status: 'unknown', missing: ['facts.residentsConsulted'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.39.2.open-recruitment', kind: 'communityWorker', label: '第三十九条第二款',
    cases: [
      { because: 'a worker recruited openly', facts: { recruitment: 'openRecruitment' }, status: 'pass' },
      { because: 'a worker appointed', facts: { recruitment: 'appointment' }, status: 'fail' },
      { because: 'a worker hired some other way', facts: { recruitment: 'other', fullTime: true }, status: 'fail' },
      { because: 'the recruitment not stated', facts: { fullTime: true }, status: 'unknown', missing: ['facts.recruitment'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.40.1.pre-service-training', kind: 'communityWorker', label: '第四十条第一款',
    cases: [
      { because: 'a worker trained before taking up the post', facts: { preServiceTrained: true }, status: 'pass' },
      { because: 'a worker not trained', facts: { preServiceTrained: false }, status: 'fail' },
      { because: 'the training not stated', facts: { recruitment: 'openRecruitment' }, status: 'unknown', missing: ['facts.preServiceTrained'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.41.2.residents-consulted', kind: 'inspection', label: '第四十一条第二款',
    cases: [
      { because: 'an assessment that heard the residents', facts: { form: 'assessment', residentsConsulted: true }, status: 'pass' },
      { because: 'a ranking that did not', facts: { form: 'ranking', residentsConsulted: false }, status: 'fail' },
      { because: 'an assessment that did not', facts: { form: 'assessment', residentsConsulted: false }, status: 'fail' },
      { because: 'a plain inspection, not an assessment', facts: { form: 'inspection', residentsConsulted: false }, status: 'not-applicable' },
      { because: 'an assessment with the hearing not stated', facts: { form: 'assessment' }, status: 'unknown', missing: ['facts.residentsConsulted'] },
      { because: 'residents heard in an event of unknown form', facts: { residentsConsulted: true }, status: 'unknown', missing: ['facts.form'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.42.2.assessment-criteria', kind: 'community', label: '第四十二条第二款',
    cases: [
      { because: 'criteria with performance and satisfaction', facts: { workerAssessmentCriteria: ['performance', 'residentSatisfaction'] }, status: 'pass' },
      { because: 'the two and another criterion', facts: { workerAssessmentCriteria: ['other', 'residentSatisfaction', 'performance'] }, status: 'pass' },
      { because: 'performance only', facts: { workerAssessmentCriteria: ['performance', 'other'] }, status: 'fail' },
      { because: 'satisfaction only', facts: { workerAssessmentCriteria: ['residentSatisfaction'] }, status: 'fail' },
      { because: 'the criteria not stated', facts: {}, status: 'unknown', missing: ['facts.workerAssessmentCriteria'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.43.1.disclosure', kind: 'community', label: '第四十三条',
    cases: [
      { because: 'all three disclosed and contact plaques posted', facts: { disclosedItems: DISCLOSED, contactPlaques: true }, status: 'pass' },
      { because: 'the assessment not disclosed', facts: { disclosedItems: DISCLOSED.slice(0, 2), contactPlaques: true }, status: 'fail' },
      { because: 'no contact plaques', facts: { disclosedItems: DISCLOSED, contactPlaques: false }, status: 'fail' },
      { because: 'no plaques decides whatever is disclosed', facts: { contactPlaques: false }, status: 'fail' },
      { because: 'disclosure complete, plaques not stated', facts: { disclosedItems: DISCLOSED }, status: 'unknown', missing: ['facts.contactPlaques'] },
      { because: 'neither stated', facts: {}, status: 'unknown', missing: ['facts.disclosedItems', 'facts.contactPlaques'] },
    ],
  },
  {
    ...guiyang, id: 'guiyang.44.2.complaint-handled', kind: 'complaint', label: '第四十四条第二款',
    cases: [
      { because: 'a complaint handled and answered', facts: { handled: true, resultNotified: true }, status: 'pass' },
      { because: 'handled but the complainant never told', facts: { handled: true, resultNotified: false }, status: 'fail' },
      { because: 'not handled', facts: { handled: false }, status: 'fail' },
      { because: 'handled, answer not stated', facts: { handled: true }, status: 'unknown', missing: ['facts.resultNotified'] },
    ],
  },
];

describeChecks('Guiyang: the new checks of contract v2 §3', SPECS);

describe('Guiyang coverage under contract v2', () => {
  it('has a check on every article but those contract v2 leaves without one', () => {
    expect(articles.filter((a) => a.checks.length === 0).map((a) => a.number)).toEqual(UNCHECKED_V2);
    expect(articles.length - UNCHECKED_V2.length).toBe(25);
  });

  it('reads 第二十五条 as 登记／备案 and a dedicated fund, not as encouragement', () => {
    const article = articles.find((a) => a.number === 25)!;
    expect(article.noCheck).toBeUndefined();
    expect(article.checks.map((c) => c.id)).toEqual(['guiyang.25.1.filing-consultation', 'guiyang.25.2.incubation-fund']);
  });

  it('puts 第三十八条第二款 on the builder: a check of the public-facility project, not of government', () => {
    const check = articles.find((a) => a.number === 38)!.checks.find((c) => c.cites.paragraph === 2)!;
    expect(check.kind).toBe('publicFacilityProject');
    expect(check.severityReason).toContain('建设单位应当听取社区居民的意见');
  });
});

describe('Guiyang checks that read part of their paragraph', () => {
  const check = (id: string) => articles.flatMap((a) => a.checks).find((c) => c.id === id)!;

  it('say so in their note (第四十条第一款, 第四十三条, 第四十四条第二款)', () => {
    for (const id of ['guiyang.40.1.pre-service-training', 'guiyang.43.1.disclosure', 'guiyang.44.2.complaint-handled']) {
      expect(check(id).note, id).toMatch(/^A partial check/);
    }
  });

  it('quote in each note only Chinese that stands in the cited article', () => {
    for (const article of articles) {
      for (const c of article.checks.filter((c) => c.note)) {
        const quoted = c.note!.match(/[\u4e00-\u9fff][^\x00-\x7f]*/g) ?? [];
        expect(quoted.filter((q) => !article.text.includes(q)), c.id).toEqual([]);
      }
    }
  });
});
