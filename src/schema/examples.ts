/**
 * One realistic, valid record per kind: used by the tests and shown (as JSON) in docs/records.md.
 */
import type { RecordKind } from '../types.js';
import type { RecordInputOfKind } from './record.js';

export const EXAMPLE_RECORDS: { [K in RecordKind]: RecordInputOfKind<K> } = {
  community: {
    id: 'SY-0001',
    city: 'shenyang',
    kind: 'community',
    asOf: '2024-03-01',
    facts: {
      setting: 'urban',
      households: 3420,
      serviceFacilityAreaSqm: 1250.5,
      facilityComponents: ['serviceHall', 'policeOffice', 'committeeOffice', 'residentActivityRoom', 'partyServiceCenter'],
      partyServiceStations: [{ areaSqm: 45 }, { areaSqm: 28.5 }],
      hasGovernanceCenter: true,
      hasConsultationBody: true,
      hasServiceWindow: true,
      emergency: { plan: true, team: true, supplies: false },
      gridLevels: ['community', 'compound', 'building', 'unit'],
      utilityTariffs: { water: 'residential', electricity: 'commercial' },
      budgets: [
        { year: 2022, amountYuan: 180000 },
        { year: 2023, amountYuan: 200000 },
      ],
      establishment: { decidedBy: 'districtGovernment', filedWithStandingCommittee: true, filedWithCityGovernment: true },
      socialOrgPremisesFeeYuan: 0,
      unauthorizedPlaques: 0,
    },
  },
  grid: {
    id: 'TH-G-0107',
    city: 'tonghua',
    kind: 'grid',
    asOf: '2024-05-10',
    facts: {
      type: 'comprehensive',
      households: 320,
      gridHeads: 1,
      gridWorkers: 2,
      buildings: 12,
      buildingLeaders: 12,
      units: 36,
      unitLeaders: 34,
      leadersResideLocally: true,
      rosterPosted: true,
      workerPay: { setOn: '2024-01-15', referenceWageYear: 2023 },
    },
  },
  streetOffice: {
    id: 'SY-JD-012',
    city: 'shenyang',
    kind: 'streetOffice',
    asOf: '2024-06-30',
    facts: { compounds: 18, emergencyMobileTeams: 9, compoundsWithReserveTeam: 16, drillsOrganized: true },
  },
  residentialProject: {
    id: 'DL-P-2021-33',
    city: 'dalian',
    kind: 'residentialProject',
    asOf: '2024-09-01',
    facts: {
      isNew: true,
      project: { planning: '2021-03-02', design: '2021-07-15', construction: '2021-10-08', acceptance: '2023-11-20', delivery: '2024-02-29' },
      facility: { planning: '2021-03-02', design: '2021-07-15', construction: '2022-04-01', acceptance: '2023-12-05' },
    },
  },
  task: {
    id: 'GY-T-0456',
    city: 'guiyang',
    kind: 'task',
    asOf: '2024-04-12',
    facts: {
      assignedBy: 'department',
      assignee: 'residentsCommittee',
      onDutyList: false,
      onAssistanceList: true,
      temporary: false,
      writtenCommission: true,
      fundingProvided: true,
      role: 'assisting',
      category: 'other',
    },
  },
  inspection: {
    id: 'TH-I-0009',
    city: 'tonghua',
    kind: 'inspection',
    asOf: '2024-07-01',
    facts: { organizer: 'districtGovernment', target: 'community', scope: 'communityDuties', mandatedBy: 'municipal', oneVoteVeto: false },
  },
  certificateRequest: {
    id: 'SY-C-2024-88',
    city: 'shenyang',
    kind: 'certificateRequest',
    asOf: '2024-03-18',
    facts: { requester: 'enterprise', onCertificateList: false },
  },
  orgRegistration: {
    id: 'ZJK-R-0003',
    city: 'zhangjiakou',
    kind: 'orgRegistration',
    asOf: '2024-08-08',
    facts: { visits: 1 },
  },
};
