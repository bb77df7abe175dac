/**
 * fast-check arbitraries of valid records, for property tests here and in the evaluator. Every fact
 * is optional (absent facts are exercised), values are drawn from ranges that straddle the laws'
 * thresholds (600 / 800 m², 300 households a grid, 3000–4000 a community …). Test-only: imports
 * fast-check, so it is not re-exported from the package index.
 *
 * What they produce is the record as submitted (`ShequRecordInput`); `parsedRecordArbitrary` gives
 * the validated `ShequRecord` (defaults applied).
 */
import fc from 'fast-check';
import { CITY_KEYS, RECORD_KINDS, type RecordKind } from '../types.js';
import {
  CERTIFICATE_REQUESTERS,
  COMMUNITY_BODIES,
  COMMUNITY_SETTINGS,
  ESTABLISHMENT_DECIDERS,
  FACILITY_COMPONENTS,
  GRID_LEVELS,
  GRID_TYPES,
  INSPECTION_ORGANIZERS,
  INSPECTION_SCOPES,
  MANDATE_LEVELS,
  TARIFF_CLASSES,
  TASK_ASSIGNERS,
  TASK_CATEGORIES,
  TASK_ROLES,
  type CertificateRequestFactsInput,
  type CommunityFactsInput,
  type GridFactsInput,
  type InspectionFactsInput,
  type OrgRegistrationFactsInput,
  type ResidentialProjectFactsInput,
  type StreetOfficeFactsInput,
  type TaskFactsInput,
} from './facts.js';
import { MAX_ID_LENGTH, recordSchema, type RecordInputOfKind, type ShequRecord, type ShequRecordInput } from './record.js';

/** A real calendar date `YYYY-MM-DD` between 1990 and 2035 (leap days included). */
export const calendarDateArbitrary: fc.Arbitrary<string> = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** A record id: mostly realistic (`SY-0001`), sometimes any 1–200 character string. */
export const recordIdArbitrary: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Z]{2}-\d{4}$/), weight: 3 },
  { arbitrary: fc.string({ minLength: 1, maxLength: MAX_ID_LENGTH }), weight: 1 },
);

const count = (max: number) => fc.integer({ min: 0, max });
/** Integers and fractions alike: areas and amounts are any number ≥ 0. */
const amount = (max: number) => fc.oneof(fc.integer({ min: 0, max }), fc.double({ min: 0, max, noNaN: true }));
const year = fc.integer({ min: 1990, max: 2035 });

export const communityFactsArbitrary: fc.Arbitrary<CommunityFactsInput> = fc.record(
  {
    setting: fc.constantFrom(...COMMUNITY_SETTINGS),
    households: count(8000),
    serviceFacilityAreaSqm: amount(2000),
    facilityComponents: fc.array(fc.constantFrom(...FACILITY_COMPONENTS), { maxLength: 10 }),
    partyServiceStations: fc.array(fc.record({ areaSqm: amount(100) }), { maxLength: 4 }),
    hasGovernanceCenter: fc.boolean(),
    hasConsultationBody: fc.boolean(),
    hasServiceWindow: fc.boolean(),
    emergency: fc.record(
      { plan: fc.boolean(), team: fc.boolean(), supplies: fc.boolean(), drills: fc.boolean() },
      { requiredKeys: [] },
    ),
    gridLevels: fc.array(fc.constantFrom(...GRID_LEVELS), { maxLength: 5 }),
    utilityTariffs: fc.record(
      {
        water: fc.constantFrom(...TARIFF_CLASSES),
        electricity: fc.constantFrom(...TARIFF_CLASSES),
        gas: fc.constantFrom(...TARIFF_CLASSES),
        heating: fc.constantFrom(...TARIFF_CLASSES),
      },
      { requiredKeys: [] },
    ),
    budgets: fc.uniqueArray(fc.record({ year, amountYuan: amount(5_000_000) }), {
      maxLength: 5,
      selector: (budget) => budget.year,
    }),
    establishment: fc.record(
      {
        decidedBy: fc.constantFrom(...ESTABLISHMENT_DECIDERS),
        filedWithStandingCommittee: fc.boolean(),
        filedWithCityGovernment: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    socialOrgPremisesFeeYuan: fc.oneof(fc.constant(0), amount(10_000)),
    unauthorizedPlaques: fc.oneof(fc.constant(0), count(5)),
  },
  { requiredKeys: [] },
);

/** Pay set from the previous year's wage (as Guiyang wants), or from another year. */
const workerPay = fc
  .record({ setOn: calendarDateArbitrary, lag: fc.integer({ min: -1, max: 3 }) })
  .map(({ setOn, lag }) => ({ setOn, referenceWageYear: Number(setOn.slice(0, 4)) - lag }));

export const gridFactsArbitrary: fc.Arbitrary<GridFactsInput> = fc.record(
  {
    type: fc.constantFrom(...GRID_TYPES),
    households: count(1000),
    gridHeads: count(3),
    gridWorkers: count(5),
    buildings: count(30),
    buildingLeaders: count(30),
    units: count(90),
    unitLeaders: count(90),
    leadersResideLocally: fc.boolean(),
    rosterPosted: fc.boolean(),
    workerPay,
  },
  { requiredKeys: [] },
);

export const streetOfficeFactsArbitrary: fc.Arbitrary<StreetOfficeFactsInput> = fc.record(
  {
    compounds: count(60),
    emergencyMobileTeams: count(60),
    compoundsWithReserveTeam: count(60),
    drillsOrganized: fc.boolean(),
  },
  { requiredKeys: [] },
);

const milestones = fc.record(
  {
    planning: calendarDateArbitrary,
    design: calendarDateArbitrary,
    construction: calendarDateArbitrary,
    acceptance: calendarDateArbitrary,
    delivery: calendarDateArbitrary,
  },
  { requiredKeys: [] },
);

export const residentialProjectFactsArbitrary: fc.Arbitrary<ResidentialProjectFactsInput> = fc.record(
  { isNew: fc.boolean(), project: milestones, facility: milestones },
  { requiredKeys: [] },
);

export const taskFactsArbitrary: fc.Arbitrary<TaskFactsInput> = fc.record(
  {
    assignedBy: fc.constantFrom(...TASK_ASSIGNERS),
    assignee: fc.constantFrom(...COMMUNITY_BODIES),
    onDutyList: fc.boolean(),
    onAssistanceList: fc.boolean(),
    inServiceDirectory: fc.boolean(),
    admissionApproved: fc.boolean(),
    temporary: fc.boolean(),
    writtenCommission: fc.boolean(),
    fundingProvided: fc.boolean(),
    purchasedService: fc.boolean(),
    role: fc.constantFrom(...TASK_ROLES),
    category: fc.constantFrom(...TASK_CATEGORIES),
  },
  { requiredKeys: [] },
);

export const inspectionFactsArbitrary: fc.Arbitrary<InspectionFactsInput> = fc.record(
  {
    organizer: fc.constantFrom(...INSPECTION_ORGANIZERS),
    target: fc.constantFrom(...COMMUNITY_BODIES),
    scope: fc.constantFrom(...INSPECTION_SCOPES),
    mandatedBy: fc.constantFrom(...MANDATE_LEVELS),
    oneVoteVeto: fc.boolean(),
  },
  { requiredKeys: [] },
);

export const certificateRequestFactsArbitrary: fc.Arbitrary<CertificateRequestFactsInput> = fc.record(
  { requester: fc.constantFrom(...CERTIFICATE_REQUESTERS), onCertificateList: fc.boolean() },
  { requiredKeys: [] },
);

export const orgRegistrationFactsArbitrary: fc.Arbitrary<OrgRegistrationFactsInput> = fc.record(
  { visits: fc.integer({ min: 1, max: 5 }) },
  { requiredKeys: [] },
);

/** The facts arbitrary of each kind. */
export const factsArbitraries = {
  community: communityFactsArbitrary,
  grid: gridFactsArbitrary,
  streetOffice: streetOfficeFactsArbitrary,
  residentialProject: residentialProjectFactsArbitrary,
  task: taskFactsArbitrary,
  inspection: inspectionFactsArbitrary,
  certificateRequest: certificateRequestFactsArbitrary,
  orgRegistration: orgRegistrationFactsArbitrary,
} satisfies { [K in RecordKind]: fc.Arbitrary<RecordInputOfKind<K>['facts']> };

/** A valid record of one kind, as submitted: `asOf` and `facts` sometimes absent. */
function recordOfKind<K extends RecordKind, F>(kind: K, facts: fc.Arbitrary<F>) {
  return fc.record(
    {
      id: recordIdArbitrary,
      city: fc.constantFrom(...CITY_KEYS),
      kind: fc.constant(kind),
      asOf: calendarDateArbitrary,
      facts,
    },
    { requiredKeys: ['id', 'city', 'kind'] },
  );
}

/** A valid record arbitrary per kind, e.g. `recordArbitraries.grid`. */
export const recordArbitraries = {
  community: recordOfKind('community', communityFactsArbitrary),
  grid: recordOfKind('grid', gridFactsArbitrary),
  streetOffice: recordOfKind('streetOffice', streetOfficeFactsArbitrary),
  residentialProject: recordOfKind('residentialProject', residentialProjectFactsArbitrary),
  task: recordOfKind('task', taskFactsArbitrary),
  inspection: recordOfKind('inspection', inspectionFactsArbitrary),
  certificateRequest: recordOfKind('certificateRequest', certificateRequestFactsArbitrary),
  orgRegistration: recordOfKind('orgRegistration', orgRegistrationFactsArbitrary),
} satisfies { [K in RecordKind]: fc.Arbitrary<RecordInputOfKind<K>> };

/** A valid record of any kind, as submitted. */
export const recordArbitrary: fc.Arbitrary<ShequRecordInput> = fc.oneof(
  ...RECORD_KINDS.map((kind): fc.Arbitrary<ShequRecordInput> => recordArbitraries[kind]),
);

/** A valid record of any kind after validation (defaults applied, `facts` present). */
export const parsedRecordArbitrary: fc.Arbitrary<ShequRecord> = recordArbitrary.map((record) =>
  recordSchema.parse(record),
);
