/**
 * Every check of the contract (../shared/spec/records.md) with at least a pass, a fail and an
 * unknown case, written from the spec's "applies when" / "passes when" columns, not from the rules.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../src/evaluate.js';
import type { CityKey, FindingStatus, RecordKind } from '../src/types.js';

type Facts = Record<string, unknown>;
interface Case {
  facts: Facts;
  status: FindingStatus;
  expected?: number;
  actual?: number;
  missing?: string[];
  /** Words the English message must contain (the failing members, …). */
  detail?: string;
}
interface CheckCases {
  id: string;
  city: CityKey;
  kind: RecordKind;
  label: string;
  cases: Case[];
}

const dates = (design: string, construction: string, acceptance: string, delivery: string, planning?: string) => ({
  ...(planning ? { planning } : {}),
  design,
  construction,
  acceptance,
  delivery,
});
const PROJECT = dates('2021-01-10', '2021-06-01', '2023-05-01', '2023-09-01', '2020-10-01');
const FIVE = ['serviceHall', 'policeOffice', 'committeeOffice', 'residentActivityRoom', 'partyServiceCenter'];
const EIGHT = [...FIVE, 'civilizationPracticeStation', 'volunteerStation', 'readingRoom'];

const syncCases = (stages: string[]): Case[] => {
  const facility = { ...PROJECT };
  const late = { ...PROJECT, [stages[2]!]: '2023-06-01' };
  return [
    { facts: { isNew: true, project: PROJECT, facility }, status: 'pass' },
    { facts: { isNew: true, project: PROJECT, facility: late }, status: 'fail' },
    // a facility stage not reached (null) where the project has a date is late
    { facts: { isNew: true, project: PROJECT, facility: { ...PROJECT, [stages[0]!]: null } }, status: 'fail' },
    // ... and late beats unknown: one late stage fails whatever else is absent
    { facts: { isNew: true, project: PROJECT, facility: { [stages[3]!]: null } }, status: 'fail' },
    // a stage the project has not reached (null) asks nothing of the facility
    { facts: { isNew: true, project: { ...PROJECT, [stages[3]!]: null }, facility: { ...PROJECT, [stages[3]!]: null } }, status: 'pass' },
    // absent is unknown, never late: the facility's absent dates are what is missing
    { facts: { isNew: true, project: PROJECT }, status: 'unknown', missing: stages.map((s) => `facts.facility.${s}`) },
    { facts: { isNew: true, project: PROJECT, facility: { ...PROJECT, [stages[0]!]: undefined } }, status: 'unknown', missing: [`facts.facility.${stages[0]!}`] },
    { facts: { isNew: true, facility }, status: 'unknown', missing: stages.map((s) => `facts.project.${s}`) },
    { facts: { project: PROJECT, facility }, status: 'unknown', missing: ['facts.isNew'] },
    { facts: { isNew: false, project: PROJECT }, status: 'not-applicable' },
  ];
};

const TABLE: CheckCases[] = [
  {
    id: 'shenyang.9.1.facility-sync', city: 'shenyang', kind: 'residentialProject', label: '第九条第一款',
    cases: [
      ...syncCases(['design', 'construction', 'acceptance', 'delivery']),
      // planning is not one of Shenyang's stages: a late planning date does not matter
      { facts: { isNew: true, project: PROJECT, facility: { ...PROJECT, planning: '2030-01-01' } }, status: 'pass' },
    ],
  },
  {
    id: 'shenyang.10.1.facility-components', city: 'shenyang', kind: 'community', label: '第十条第一款',
    cases: [
      { facts: { facilityComponents: FIVE }, status: 'pass' },
      { facts: { facilityComponents: FIVE.slice(1) }, status: 'fail' },
      { facts: {}, status: 'unknown', missing: ['facts.facilityComponents'] },
    ],
  },
  {
    id: 'shenyang.10.1.facility-area', city: 'shenyang', kind: 'community', label: '第十条第一款',
    cases: [
      { facts: { households: 1550, serviceFacilityAreaSqm: 610 }, status: 'fail', expected: 620, actual: 610 },
      { facts: { households: 1550, serviceFacilityAreaSqm: 620 }, status: 'pass', expected: 620, actual: 620 },
      { facts: { households: 1000, serviceFacilityAreaSqm: 600 }, status: 'pass', expected: 600, actual: 600 },
      { facts: { households: 1000, serviceFacilityAreaSqm: 599.9 }, status: 'fail', expected: 600 },
      // below the 600 floor fails whatever the household count
      { facts: { serviceFacilityAreaSqm: 500 }, status: 'fail', expected: 600, actual: 500 },
      { facts: { serviceFacilityAreaSqm: 700 }, status: 'unknown', missing: ['facts.households'] },
      { facts: { households: 100 }, status: 'unknown', missing: ['facts.serviceFacilityAreaSqm'] },
    ],
  },
  {
    id: 'shenyang.10.2.party-station-area', city: 'shenyang', kind: 'community', label: '第十条第二款',
    cases: [
      { facts: { partyServiceStations: [{ areaSqm: 30 }, { areaSqm: 45 }] }, status: 'pass' },
      { facts: { partyServiceStations: [{ areaSqm: 29.5 }, { areaSqm: 45 }] }, status: 'fail', expected: 30, actual: 29.5 },
      { facts: { partyServiceStations: [] }, status: 'not-applicable' },
      { facts: {}, status: 'unknown', missing: ['facts.partyServiceStations'] },
    ],
  },
  {
    id: 'shenyang.12.1.grid-size', city: 'shenyang', kind: 'grid', label: '第十二条',
    cases: [
      { facts: { households: 240 }, status: 'pass' },
      { facts: { households: 360 }, status: 'pass' },
      { facts: { households: 239 }, status: 'fail', expected: 300, actual: 239 },
      { facts: { households: 361 }, status: 'fail' },
      { facts: { type: 'dedicated', households: 900 }, status: 'not-applicable' },
      { facts: {}, status: 'unknown', missing: ['facts.households'] },
    ],
  },
  {
    id: 'shenyang.13.2.task-admission', city: 'shenyang', kind: 'task', label: '第十三条第二款',
    cases: [
      { facts: { assignedBy: 'department', onAssistanceList: true }, status: 'pass' },
      { facts: { assignedBy: 'streetOffice', onDutyList: false, onAssistanceList: false, admissionApproved: false }, status: 'fail' },
      { facts: { assignedBy: 'department', onDutyList: false }, status: 'unknown', missing: ['facts.onAssistanceList', 'facts.admissionApproved'] },
      { facts: { assignedBy: 'enterprise' }, status: 'not-applicable' },
      { facts: { onDutyList: false }, status: 'unknown', missing: ['facts.assignedBy', 'facts.onAssistanceList', 'facts.admissionApproved'] },
    ],
  },
  {
    id: 'shenyang.13.3.unauthorized-plaques', city: 'shenyang', kind: 'community', label: '第十三条第三款',
    cases: [
      { facts: { unauthorizedPlaques: 0 }, status: 'pass' },
      { facts: { unauthorizedPlaques: 2 }, status: 'fail', expected: 0, actual: 2 },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'shenyang.13.4.certificate-demand', city: 'shenyang', kind: 'certificateRequest', label: '第十三条第四款',
    cases: [
      // 第十三条第四款 tests the purpose: a certificate demanded to shift the requester's own responsibility
      { facts: { requester: 'enterprise', toEvadeResponsibility: false, onCertificateList: false }, status: 'pass' },
      { facts: { requester: 'institution', toEvadeResponsibility: true, onCertificateList: true }, status: 'fail' },
      { facts: { requester: 'department', onCertificateList: false }, status: 'unknown', missing: ['facts.toEvadeResponsibility'] },
      { facts: { requester: 'individual', toEvadeResponsibility: true }, status: 'not-applicable' },
    ],
  },
  {
    id: 'shenyang.32.2.drills', city: 'shenyang', kind: 'streetOffice', label: '第三十二条第二款',
    cases: [
      { facts: { drillsOrganized: true }, status: 'pass' },
      { facts: { drillsOrganized: false }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'shenyang.32.3.emergency-plan', city: 'shenyang', kind: 'community', label: '第三十二条第三款',
    cases: [
      { facts: { emergency: { plan: true } }, status: 'pass' },
      { facts: { emergency: { plan: false, team: true } }, status: 'fail' },
      { facts: { emergency: { team: true } }, status: 'unknown', missing: ['facts.emergency.plan'] },
    ],
  },
  {
    id: 'shenyang.34.2.mobile-team-ratio', city: 'shenyang', kind: 'streetOffice', label: '第三十四条第二款',
    cases: [
      { facts: { compounds: 10, emergencyMobileTeams: 5 }, status: 'pass', expected: 5, actual: 5 },
      { facts: { compounds: 10, emergencyMobileTeams: 4 }, status: 'fail', expected: 5, actual: 4 },
      { facts: { compounds: 5, emergencyMobileTeams: 2 }, status: 'fail', expected: 2.5 },
      { facts: { emergencyMobileTeams: 4 }, status: 'unknown', missing: ['facts.compounds'] },
    ],
  },
  {
    id: 'shenyang.34.3.reserve-teams', city: 'shenyang', kind: 'streetOffice', label: '第三十四条第三款',
    cases: [
      { facts: { compounds: 12, compoundsWithReserveTeam: 12 }, status: 'pass' },
      { facts: { compounds: 12, compoundsWithReserveTeam: 11 }, status: 'fail', expected: 12, actual: 11 },
      { facts: { compounds: 12 }, status: 'unknown', missing: ['facts.compoundsWithReserveTeam'] },
    ],
  },
  {
    id: 'shenyang.36.1.community-scale', city: 'shenyang', kind: 'community', label: '第三十六条第一款',
    cases: [
      { facts: { households: 3000 }, status: 'pass' },
      { facts: { households: 4000 }, status: 'pass' },
      { facts: { households: 2999 }, status: 'fail', expected: 3000, actual: 2999 },
      { facts: { households: 4001 }, status: 'fail', expected: 4000, actual: 4001 },
      { facts: { setting: 'rural', households: 800 }, status: 'not-applicable' },
      { facts: {}, status: 'unknown', missing: ['facts.households'] },
    ],
  },
  {
    id: 'dalian.8.1.governance-center', city: 'dalian', kind: 'community', label: '第八条第一款',
    cases: [
      { facts: { hasGovernanceCenter: true }, status: 'pass' },
      { facts: { hasGovernanceCenter: false }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'dalian.16.2.facility-sync', city: 'dalian', kind: 'residentialProject', label: '第十六条第二款',
    cases: syncCases(['planning', 'construction', 'acceptance', 'delivery']),
  },
  {
    id: 'dalian.17.1.facility-components', city: 'dalian', kind: 'community', label: '第十七条第一款',
    cases: [
      { facts: { facilityComponents: EIGHT }, status: 'pass' },
      { facts: { facilityComponents: FIVE }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'dalian.18.2.grid-workers', city: 'dalian', kind: 'grid', label: '第十八条第二款',
    cases: [
      { facts: { gridWorkers: 1 }, status: 'pass' },
      { facts: { gridWorkers: 0 }, status: 'fail', expected: 1, actual: 0 },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'dalian.22.2.consultation-committee', city: 'dalian', kind: 'community', label: '第二十二条第二款',
    cases: [
      { facts: { hasConsultationBody: true }, status: 'pass' },
      { facts: { hasConsultationBody: false }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'dalian.23.2.task-lists', city: 'dalian', kind: 'task', label: '第二十三条第二款',
    cases: [
      { facts: { assignee: 'residentsCommittee', assignedBy: 'townshipGovernment', purchasedService: true }, status: 'pass' },
      { facts: { assignee: 'community', assignedBy: 'department', onDutyList: false, onAssistanceList: false, purchasedService: false }, status: 'fail' },
      { facts: { assignee: 'residentsCommittee', assignedBy: 'department' }, status: 'unknown' },
      { facts: { assignedBy: 'department', onDutyList: false, onAssistanceList: false, purchasedService: false }, status: 'unknown', missing: ['facts.assignee'] },
      { facts: { assignee: 'residentsCommittee', assignedBy: 'cityGovernment' }, status: 'not-applicable' },
      // 安排给居(村)民委员会: a task on the community service body is not this paragraph's
      { facts: { assignee: 'communityServiceBody', assignedBy: 'department', onDutyList: false }, status: 'not-applicable' },
    ],
  },
  {
    id: 'dalian.23.2.assistance-commission', city: 'dalian', kind: 'task', label: '第二十三条第二款',
    cases: [
      { facts: { onAssistanceList: true, writtenCommission: true, fundingProvided: true }, status: 'pass' },
      { facts: { onAssistanceList: true, writtenCommission: true, fundingProvided: false }, status: 'fail' },
      { facts: { onAssistanceList: true, fundingProvided: false }, status: 'fail' },
      { facts: { onAssistanceList: true, writtenCommission: true }, status: 'unknown', missing: ['facts.fundingProvided'] },
      { facts: { onAssistanceList: false }, status: 'not-applicable' },
    ],
  },
  {
    id: 'dalian.28.1.emergency-readiness', city: 'dalian', kind: 'community', label: '第二十八条',
    cases: [
      { facts: { emergency: { plan: true, team: true, supplies: true, drills: true } }, status: 'pass' },
      { facts: { emergency: { plan: true, team: true, supplies: false } }, status: 'fail' },
      { facts: { emergency: { plan: true, team: true, supplies: true } }, status: 'unknown', missing: ['facts.emergency.drills'] },
    ],
  },
  {
    id: 'dalian.34.3.free-premises', city: 'dalian', kind: 'community', label: '第三十四条第三款',
    cases: [
      { facts: { socialOrgPremisesFeeYuan: 0 }, status: 'pass' },
      { facts: { socialOrgPremisesFeeYuan: 1200 }, status: 'fail', actual: 1200 },
      { facts: {}, status: 'unknown', missing: ['facts.socialOrgPremisesFeeYuan'] },
    ],
  },
  {
    id: 'dalian.40.2.utility-tariffs', city: 'dalian', kind: 'community', label: '第四十条第二款',
    cases: [
      { facts: { utilityTariffs: { water: 'residential', electricity: 'residential', gas: 'residential', heating: 'residential' } }, status: 'pass' },
      // none: the community does not use that utility
      { facts: { utilityTariffs: { water: 'residential', electricity: 'residential', gas: 'none', heating: 'none' } }, status: 'pass' },
      // a known utility at another tariff fails, whatever is absent
      { facts: { utilityTariffs: { water: 'residential', gas: 'commercial' } }, status: 'fail', detail: 'gas tariff: commercial' },
      { facts: { utilityTariffs: { water: 'other', electricity: 'residential', gas: 'commercial', heating: 'none' } }, status: 'fail', detail: 'water tariff: other; gas tariff: commercial' },
      { facts: { utilityTariffs: { water: 'residential', electricity: 'residential' } }, status: 'unknown', missing: ['facts.utilityTariffs.gas', 'facts.utilityTariffs.heating'] },
      {
        facts: {},
        status: 'unknown',
        missing: ['facts.utilityTariffs.water', 'facts.utilityTariffs.electricity', 'facts.utilityTariffs.gas', 'facts.utilityTariffs.heating'],
      },
    ],
  },
  {
    id: 'guiyang.8.2.establishment-filing', city: 'guiyang', kind: 'community', label: '第八条第二款',
    cases: [
      { facts: { establishment: { decidedBy: 'districtGovernment', filedWithStandingCommittee: true, filedWithCityGovernment: true } }, status: 'pass' },
      { facts: { establishment: { decidedBy: 'other', filedWithStandingCommittee: true, filedWithCityGovernment: true } }, status: 'fail' },
      { facts: { establishment: { decidedBy: 'districtGovernment', filedWithStandingCommittee: true } }, status: 'unknown', missing: ['facts.establishment.filedWithCityGovernment'] },
      { facts: { establishment: { filedWithCityGovernment: false } }, status: 'fail' },
      {
        facts: {},
        status: 'unknown',
        missing: ['facts.establishment.decidedBy', 'facts.establishment.filedWithStandingCommittee', 'facts.establishment.filedWithCityGovernment'],
      },
    ],
  },
  {
    id: 'guiyang.14.3.new-task-approval', city: 'guiyang', kind: 'task', label: '第十四条第三款',
    cases: [
      { facts: { assignee: 'communityServiceBody', inServiceDirectory: true }, status: 'pass' },
      { facts: { assignee: 'communityServiceBody', onDutyList: false, inServiceDirectory: false, admissionApproved: false }, status: 'fail' },
      // 凡…需要新增进入社区开展的工作事项: every task, whatever its assignee
      { facts: { assignee: 'residentsCommittee', onDutyList: false, inServiceDirectory: false, admissionApproved: false }, status: 'fail' },
      { facts: { admissionApproved: true }, status: 'pass' },
      { facts: { assignee: 'communityServiceBody' }, status: 'unknown' },
    ],
  },
  {
    id: 'guiyang.15.1.inspection-scope', city: 'guiyang', kind: 'inspection', label: '第十五条第一款',
    cases: [
      { facts: { organizer: 'department', target: 'communityServiceBody', scope: 'communityDuties' }, status: 'pass' },
      { facts: { organizer: 'department', target: 'communityServiceBody', scope: 'specializedAffairs' }, status: 'fail' },
      { facts: { organizer: 'department', target: 'communityServiceBody' }, status: 'unknown' },
      { facts: { organizer: 'streetOffice', target: 'communityServiceBody' }, status: 'not-applicable' },
      // the conjunction is false as soon as one known operand is false
      { facts: { target: 'residentsCommittee' }, status: 'not-applicable' },
    ],
  },
  {
    id: 'guiyang.15.2.temporary-commission', city: 'guiyang', kind: 'task', label: '第十五条第二款',
    cases: [
      { facts: { temporary: true, assignedBy: 'department', assignee: 'communityServiceBody', admissionApproved: true, writtenCommission: true, fundingProvided: true }, status: 'pass' },
      { facts: { temporary: true, assignedBy: 'department', assignee: 'communityServiceBody', admissionApproved: true, writtenCommission: false }, status: 'fail' },
      { facts: { temporary: true, assignedBy: 'department', assignee: 'communityServiceBody' }, status: 'unknown' },
      { facts: { temporary: true, assignedBy: 'department', admissionApproved: false }, status: 'unknown', missing: ['facts.assignee'] },
      { facts: { temporary: false }, status: 'not-applicable' },
      // 委托社区服务管理机构: a task on the residents' committee is not this paragraph's
      { facts: { temporary: true, assignedBy: 'department', assignee: 'residentsCommittee', admissionApproved: false }, status: 'not-applicable' },
    ],
  },
  {
    id: 'guiyang.17.1.consultation-body', city: 'guiyang', kind: 'community', label: '第十七条',
    cases: [
      { facts: { hasConsultationBody: true }, status: 'pass' },
      { facts: { hasConsultationBody: false }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'guiyang.21.1.committee-tasks', city: 'guiyang', kind: 'task', label: '第二十一条第一款',
    cases: [
      { facts: { assignee: 'residentsCommittee', assignedBy: 'communityServiceBody', onDutyList: true }, status: 'pass' },
      { facts: { assignee: 'residentsCommittee', assignedBy: 'department', onDutyList: false, onAssistanceList: false }, status: 'fail' },
      { facts: { assignee: 'residentsCommittee', assignedBy: 'department' }, status: 'unknown' },
      { facts: { assignee: 'residentsCommittee', assignedBy: 'enterprise' }, status: 'not-applicable' },
    ],
  },
  {
    id: 'guiyang.21.1.committee-inspection', city: 'guiyang', kind: 'inspection', label: '第二十一条第一款',
    cases: [
      { facts: { target: 'residentsCommittee', organizer: 'department', mandatedBy: 'provincial', creationStandard: true }, status: 'pass' },
      { facts: { target: 'residentsCommittee', organizer: 'communityServiceBody', mandatedBy: 'none', creationStandard: true }, status: 'fail' },
      // mandated, but not a 创建达标 matter: still barred
      { facts: { target: 'residentsCommittee', organizer: 'department', mandatedBy: 'national', creationStandard: false }, status: 'fail' },
      { facts: { target: 'residentsCommittee', organizer: 'department', mandatedBy: 'municipal' }, status: 'unknown', missing: ['facts.creationStandard'] },
      { facts: { target: 'residentsCommittee', mandatedBy: 'none' }, status: 'unknown', missing: ['facts.organizer'] },
      { facts: { target: 'community', organizer: 'department', mandatedBy: 'none' }, status: 'not-applicable' },
      // 政府职能部门和社区服务管理机构: a district government's inspection is not this paragraph's
      { facts: { target: 'residentsCommittee', organizer: 'districtGovernment', mandatedBy: 'none' }, status: 'not-applicable' },
    ],
  },
  {
    id: 'guiyang.21.2.assistance-funding', city: 'guiyang', kind: 'task', label: '第二十一条第二款',
    cases: [
      { facts: { assignee: 'residentsCommittee', onAssistanceList: true, fundingProvided: true }, status: 'pass' },
      { facts: { assignee: 'residentsCommittee', onAssistanceList: true, fundingProvided: false }, status: 'fail' },
      { facts: { assignee: 'residentsCommittee', onAssistanceList: true }, status: 'unknown' },
      { facts: { assignee: 'community', onAssistanceList: true }, status: 'not-applicable' },
    ],
  },
  {
    id: 'guiyang.27.1.service-window', city: 'guiyang', kind: 'community', label: '第二十七条第一款',
    cases: [
      { facts: { hasServiceWindow: true }, status: 'pass' },
      { facts: { hasServiceWindow: false }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'guiyang.30.2.worker-pay-reference', city: 'guiyang', kind: 'grid', label: '第三十条第二款',
    cases: [
      { facts: { workerPay: { setOn: '2024-03-01', referenceWageYear: 2023 } }, status: 'pass', expected: 2023, actual: 2023 },
      { facts: { workerPay: { setOn: '2024-03-01', referenceWageYear: 2022 } }, status: 'fail', expected: 2023, actual: 2022 },
      { facts: {}, status: 'unknown', missing: ['facts.workerPay'] },
    ],
  },
  {
    id: 'guiyang.36.1.budget-growth', city: 'guiyang', kind: 'community', label: '第三十六条第一款',
    cases: [
      { facts: { budgets: [{ year: 2022, amountYuan: 100 }, { year: 2023, amountYuan: 100.01 }] }, status: 'pass' },
      // 增长: an equal year is no growth
      { facts: { budgets: [{ year: 2022, amountYuan: 100 }, { year: 2023, amountYuan: 100 }] }, status: 'fail', expected: 100, actual: 100 },
      // listed out of order: compared by year
      { facts: { budgets: [{ year: 2024, amountYuan: 90 }, { year: 2023, amountYuan: 100 }] }, status: 'fail', expected: 100, actual: 90 },
      { facts: { budgets: [{ year: 2024, amountYuan: 90 }] }, status: 'not-applicable' },
      { facts: { budgets: [] }, status: 'not-applicable' },
      { facts: {}, status: 'unknown', missing: ['facts.budgets'] },
    ],
  },
  {
    id: 'guiyang.37.1.premises-area', city: 'guiyang', kind: 'community', label: '第三十七条',
    cases: [
      { facts: { serviceFacilityAreaSqm: 800 }, status: 'pass', expected: 800, actual: 800 },
      { facts: { serviceFacilityAreaSqm: 799.99 }, status: 'fail', expected: 800, actual: 799.99 },
      { facts: {}, status: 'unknown', missing: ['facts.serviceFacilityAreaSqm'] },
    ],
  },
  {
    id: 'tonghua.8.2.facility-sync', city: 'tonghua', kind: 'residentialProject', label: '第八条第二款',
    cases: syncCases(['design', 'construction', 'acceptance', 'delivery']),
  },
  {
    id: 'tonghua.14.1.grid-staffing', city: 'tonghua', kind: 'grid', label: '第十四条第一款',
    cases: [
      { facts: { gridHeads: 1, gridWorkers: 2 }, status: 'pass' },
      { facts: { gridHeads: 0, gridWorkers: 2 }, status: 'fail', expected: 1, actual: 0 },
      { facts: { gridWorkers: 0 }, status: 'fail' },
      { facts: { gridWorkers: 2 }, status: 'unknown', missing: ['facts.gridHeads'] },
    ],
  },
  {
    id: 'tonghua.14.2.building-unit-leaders', city: 'tonghua', kind: 'grid', label: '第十四条第二款',
    cases: [
      { facts: { buildings: 6, buildingsWithLeader: 6, units: 18, unitsWithLeader: 18 }, status: 'pass' },
      { facts: { buildings: 6, buildingsWithLeader: 5, units: 18, unitsWithLeader: 18 }, status: 'fail', expected: 6, actual: 5 },
      { facts: { buildings: 6, buildingsWithLeader: 6, units: 18 }, status: 'unknown', missing: ['facts.unitsWithLeader'] },
    ],
  },
  {
    id: 'tonghua.15.1.leaders-residents', city: 'tonghua', kind: 'grid', label: '第十五条',
    cases: [
      { facts: { leadersResideLocally: true }, status: 'pass' },
      { facts: { leadersResideLocally: false }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'tonghua.16.1.roster-posted', city: 'tonghua', kind: 'grid', label: '第十六条',
    cases: [
      { facts: { rosterPosted: true }, status: 'pass' },
      { facts: { rosterPosted: false }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'tonghua.18.2.assistance-commission', city: 'tonghua', kind: 'task', label: '第十八条第二款',
    cases: [
      { facts: { onAssistanceList: true, writtenCommission: true, fundingProvided: true }, status: 'pass' },
      { facts: { onAssistanceList: true, writtenCommission: false }, status: 'fail' },
      { facts: { onAssistanceList: true }, status: 'unknown' },
      { facts: { onAssistanceList: false }, status: 'not-applicable' },
    ],
  },
  {
    id: 'tonghua.18.3.task-lists', city: 'tonghua', kind: 'task', label: '第十八条第三款',
    cases: [
      { facts: { assignedBy: 'cityGovernment', onDutyList: true }, status: 'pass' },
      { facts: { assignedBy: 'districtGovernment', onDutyList: false, onAssistanceList: false }, status: 'fail' },
      { facts: { assignedBy: 'department' }, status: 'unknown' },
      { facts: { assignedBy: 'streetOffice', onDutyList: false }, status: 'not-applicable' },
    ],
  },
  {
    id: 'tonghua.18.3.certificate-demand', city: 'tonghua', kind: 'certificateRequest', label: '第十八条第三款',
    cases: [
      { facts: { requester: 'socialOrganization', onCertificateList: true }, status: 'pass' },
      { facts: { requester: 'department', onCertificateList: false }, status: 'fail' },
      { facts: {}, status: 'unknown', missing: ['facts.requester', 'facts.onCertificateList'] },
    ],
  },
  {
    id: 'tonghua.29.2.service-window', city: 'tonghua', kind: 'community', label: '第二十九条第二款',
    cases: [
      { facts: { hasServiceWindow: true }, status: 'pass' },
      { facts: { hasServiceWindow: false }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'tonghua.34.2.no-department-assessment', city: 'tonghua', kind: 'inspection', label: '第三十四条第二款',
    cases: [
      { facts: { form: 'assessment', organizer: 'districtGovernment' }, status: 'pass' },
      { facts: { form: 'assessment', organizer: 'department' }, status: 'fail' },
      { facts: { form: 'ranking', organizer: 'department' }, status: 'fail' },
      // 不再单独组织考核评比: a department's 检查 is not barred here
      { facts: { form: 'inspection', organizer: 'department' }, status: 'not-applicable' },
      { facts: { organizer: 'department' }, status: 'unknown', missing: ['facts.form'] },
    ],
  },
  {
    id: 'tonghua.34.2.no-one-vote-veto', city: 'tonghua', kind: 'inspection', label: '第三十四条第二款',
    cases: [
      { facts: { oneVoteVeto: false }, status: 'pass' },
      { facts: { oneVoteVeto: true }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'zhangjiakou.3.2.task-lists', city: 'zhangjiakou', kind: 'task', label: '（三）第二款',
    cases: [
      { facts: { assignee: 'community', assignedBy: 'streetOffice', onAssistanceList: true }, status: 'pass' },
      // 准入制度 (same paragraph): an admitted task passes
      { facts: { assignee: 'residentsCommittee', assignedBy: 'department', onDutyList: false, onAssistanceList: false, admissionApproved: true }, status: 'pass' },
      { facts: { assignee: 'residentsCommittee', assignedBy: 'townshipGovernment', onDutyList: false, onAssistanceList: false, admissionApproved: false }, status: 'fail' },
      { facts: { assignee: 'community', assignedBy: 'cityGovernment', onDutyList: false }, status: 'unknown' },
      { facts: { assignee: 'community', assignedBy: 'enterprise' }, status: 'not-applicable' },
      // 基层群众自治组织: the community service body is not one
      { facts: { assignee: 'communityServiceBody', assignedBy: 'department', onDutyList: false }, status: 'not-applicable' },
    ],
  },
  {
    id: 'zhangjiakou.3.2.responsible-subject', city: 'zhangjiakou', kind: 'task', label: '（三）第二款',
    cases: [
      { facts: { category: 'demolition', role: 'assisting' }, status: 'pass' },
      { facts: { category: 'investmentAttraction', role: 'responsibleSubject' }, status: 'fail' },
      { facts: { category: 'urbanManagement' }, status: 'unknown', missing: ['facts.role'] },
      { facts: { category: 'other', role: 'responsibleSubject' }, status: 'not-applicable' },
    ],
  },
  {
    id: 'zhangjiakou.3.3.assistance-funding', city: 'zhangjiakou', kind: 'task', label: '（三）第三款',
    cases: [
      { facts: { onAssistanceList: true, fundingProvided: true }, status: 'pass' },
      { facts: { onAssistanceList: true, fundingProvided: false }, status: 'fail' },
      { facts: { onAssistanceList: true }, status: 'unknown' },
    ],
  },
  {
    id: 'zhangjiakou.3.4.registration-visits', city: 'zhangjiakou', kind: 'orgRegistration', label: '（三）第四款',
    cases: [
      { facts: { eligible: true, visits: 1 }, status: 'pass', expected: 1, actual: 1 },
      // 0: fully online
      { facts: { eligible: true, visits: 0 }, status: 'pass', expected: 1, actual: 0 },
      { facts: { eligible: true, visits: 2 }, status: 'fail', expected: 1, actual: 2 },
      { facts: { eligible: true }, status: 'unknown', missing: ['facts.visits'] },
      { facts: { visits: 3 }, status: 'unknown', missing: ['facts.eligible'] },
      // 对符合条件的社区公益性组织: an ineligible one is not this paragraph's
      { facts: { eligible: false, visits: 3 }, status: 'not-applicable' },
    ],
  },
  {
    id: 'zhangjiakou.7.1.grid-levels', city: 'zhangjiakou', kind: 'community', label: '（七）',
    cases: [
      { facts: { gridLevels: ['unit', 'building', 'compound', 'community'] }, status: 'pass' },
      { facts: { gridLevels: ['community', 'building'] }, status: 'fail' },
      { facts: {}, status: 'unknown' },
    ],
  },
  {
    id: 'zhangjiakou.13.1.facility-sync', city: 'zhangjiakou', kind: 'residentialProject', label: '（十三）',
    cases: syncCases(['planning', 'design', 'acceptance', 'delivery']),
  },
];

const evaluator = createEvaluator({ asOf: '2024-06-01' });

describe('every check of the contract', () => {
  it('covers all 52 check ids of the spec', () => {
    expect(new Set(TABLE.map((t) => t.id)).size).toBe(52);
  });

  for (const entry of TABLE) {
    describe(entry.id, () => {
      it('has a pass, a fail and an unknown or not-applicable case', () => {
        const statuses = new Set(entry.cases.map((c) => c.status));
        expect(statuses.has('pass') && statuses.has('fail')).toBe(true);
        expect(statuses.has('unknown') || statuses.has('not-applicable')).toBe(true);
      });
      entry.cases.forEach((c, index) => {
        it(`case ${index + 1}: ${JSON.stringify(c.facts)} is ${c.status}`, async () => {
          const result = await evaluator.evaluate({ id: `${entry.id}#${index}`, city: entry.city, kind: entry.kind, facts: c.facts });
          expect(result.errors).toBeUndefined();
          const finding = result.findings.find((f) => f.ruleId === entry.id);
          expect(finding, 'finding present').toBeDefined();
          expect(finding!.status).toBe(c.status);
          expect(finding!.citation.label).toBe(entry.label);
          if (c.expected !== undefined) expect(finding!.expected).toBeCloseTo(c.expected, 6);
          if (c.actual !== undefined) expect(finding!.actual).toBe(c.actual);
          if (c.missing) expect(finding!.missing).toEqual(c.missing);
          if (c.detail) expect(finding!.message.en).toContain(c.detail);
          if (c.status === 'unknown') expect(finding!.missing?.length).toBeGreaterThan(0);
          expect(finding!.message.zh.length).toBeGreaterThan(0);
          expect(finding!.message.en.length).toBeGreaterThan(0);
        });
      });
    });
  }
});
